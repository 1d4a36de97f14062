import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { partyOrganisationDecider } from '../../party-organisation/party-organisation.decide.js';
import { partyOrganisationStreamId } from '../../party-organisation/party-organisation.events.js';
import { partyActivityDecider } from '../party-activity.decide.js';
import { partyActivityStreamId, type PartyActivityKind } from '../party-activity.events.js';
import type { PartyActivityState } from '../party-activity.state.js';

export interface RecordPartyActivityHeldData {
  activityId: string;
  communityId: string;
  organisationId: string;
  kind: PartyActivityKind;
  title: string;
  heldOn: string;
  participantCount: number;
  registeredMemberCount: number;
}

export class RecordPartyActivityHeldCommand extends Command<Written<PartyActivityState>> {
  constructor(
    readonly data: RecordPartyActivityHeldData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordPartyActivityHeldCommand)
export class RecordPartyActivityHeldHandler implements ICommandHandler<RecordPartyActivityHeldCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: RecordPartyActivityHeldCommand): Promise<Written<PartyActivityState>> {
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    await authorize();
    // Left to the shell by the decider: the organisation holding the activity exists in this community.
    const { state: organisation } = await this.aggregates.load(partyOrganisationStreamId(data.organisationId), partyOrganisationDecider);
    if (organisation.status === 'empty') throw new NotFoundError('party organisation', data.organisationId);
    if (organisation.communityId !== data.communityId) {
      throw new ValidationError('input.organisationId', `party organisation ${data.organisationId} is not in community ${data.communityId}`);
    }
    return this.executor.execute({
      streamId: partyActivityStreamId(data.activityId),
      decider: partyActivityDecider,
      command: (metadata) => ({ type: 'RecordPartyActivityHeld' as const, data, metadata }),
      context,
      authorize,
    });
  }
}
