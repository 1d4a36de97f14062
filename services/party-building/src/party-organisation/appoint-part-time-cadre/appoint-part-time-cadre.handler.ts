import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { PartyOrganisationCommands } from '../party-organisation-commands.js';
import type { PartyOrganisationState } from '../party-organisation.state.js';

export interface AppointPartTimeCadreData {
  organisationId: string;
  cadreId: string;
  /** Plaintext: encrypted here, subject = cadreId. */
  name: string;
  pairedUnitId: string;
}

export class AppointPartTimeCadreCommand extends Command<Written<PartyOrganisationState>> {
  constructor(
    readonly data: AppointPartTimeCadreData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AppointPartTimeCadreCommand)
export class AppointPartTimeCadreHandler implements ICommandHandler<AppointPartTimeCadreCommand> {
  constructor(
    @Inject(PartyOrganisationCommands) private readonly organisations: PartyOrganisationCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: AppointPartTimeCadreCommand): Promise<Written<PartyOrganisationState>> {
    await this.organisations.assertAccess(data.organisationId, context.actor);
    const name = await this.vault.encrypt(data.cadreId, data.name);
    return this.organisations.run(data.organisationId, context, (metadata) => ({
      type: 'AppointPartTimeCadre',
      data: { organisationId: data.organisationId, cadreId: data.cadreId, name, pairedUnitId: data.pairedUnitId },
      metadata,
    }));
  }
}
