import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { PartyOrganisationCommands } from '../party-organisation-commands.js';
import type { ServiceCentreKind } from '../party-organisation.events.js';
import type { PartyOrganisationState } from '../party-organisation.state.js';

export interface OpenPartyMassesServiceCentreData {
  organisationId: string;
  centreId: string;
  kind: ServiceCentreKind;
  name: string;
  address: string;
}

export class OpenPartyMassesServiceCentreCommand extends Command<Written<PartyOrganisationState>> {
  constructor(
    readonly data: OpenPartyMassesServiceCentreData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OpenPartyMassesServiceCentreCommand)
export class OpenPartyMassesServiceCentreHandler implements ICommandHandler<OpenPartyMassesServiceCentreCommand> {
  constructor(@Inject(PartyOrganisationCommands) private readonly organisations: PartyOrganisationCommands) {}

  execute({ data, context }: OpenPartyMassesServiceCentreCommand): Promise<Written<PartyOrganisationState>> {
    return this.organisations.run(data.organisationId, context, (metadata) => ({ type: 'OpenPartyMassesServiceCentre', data, metadata }));
  }
}
