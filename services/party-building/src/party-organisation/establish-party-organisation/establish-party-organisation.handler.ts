import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { partyOrganisationDecider } from '../party-organisation.decide.js';
import { partyOrganisationStreamId, type PartyOrganisationKind } from '../party-organisation.events.js';
import type { PartyOrganisationState } from '../party-organisation.state.js';

export interface EstablishPartyOrganisationData {
  organisationId: string;
  communityId: string;
  kind: PartyOrganisationKind;
  name: string;
  parentOrganisationId: string | null;
  hostUnitId: string | null;
}

export class EstablishPartyOrganisationCommand extends Command<Written<PartyOrganisationState>> {
  constructor(
    readonly data: EstablishPartyOrganisationData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EstablishPartyOrganisationCommand)
export class EstablishPartyOrganisationHandler implements ICommandHandler<EstablishPartyOrganisationCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: EstablishPartyOrganisationCommand): Promise<Written<PartyOrganisationState>> {
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    await authorize();
    // The one cross-aggregate fact the decider leaves to the shell: a branch hangs under an organisation of
    // the same community, or the tree would cross jurisdictions.
    if (data.parentOrganisationId) {
      const { state: parent } = await this.aggregates.load(partyOrganisationStreamId(data.parentOrganisationId), partyOrganisationDecider);
      if (parent.status === 'empty') throw new NotFoundError('party organisation', data.parentOrganisationId);
      if (parent.communityId !== data.communityId) {
        throw new ValidationError('input.parentOrganisationId', `party organisation ${data.parentOrganisationId} is not in community ${data.communityId}`);
      }
    }
    return this.executor.execute({
      streamId: partyOrganisationStreamId(data.organisationId),
      decider: partyOrganisationDecider,
      command: (metadata) => ({ type: 'EstablishPartyOrganisation' as const, data, metadata }),
      context,
      authorize,
    });
  }
}
