import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { partyMemberDecider } from '../../party-member/party-member.decide.js';
import { partyMemberStreamId } from '../../party-member/party-member.events.js';
import { householdContactDecider } from '../household-contact.decide.js';
import { householdContactStreamId } from '../household-contact.events.js';
import type { HouseholdContactState } from '../household-contact.state.js';

export interface AssignHouseholdContactData {
  householdId: string;
  communityId: string;
  memberId: string;
}

export class AssignHouseholdContactCommand extends Command<Written<HouseholdContactState>> {
  constructor(
    readonly data: AssignHouseholdContactData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignHouseholdContactCommand)
export class AssignHouseholdContactHandler implements ICommandHandler<AssignHouseholdContactCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: AssignHouseholdContactCommand): Promise<Written<HouseholdContactState>> {
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    await authorize();
    // The decider leaves this to the shell: only a member registered at the household's community keeps
    // contact with it (the jurisdiction check above comes first, so outsiders learn nothing of members).
    const { state: member } = await this.aggregates.load(partyMemberStreamId(data.memberId), partyMemberDecider);
    if (member.status === 'empty') throw new NotFoundError('party member', data.memberId);
    if (member.status !== 'registered' || member.communityId !== data.communityId) {
      throw new ValidationError('input.memberId', `party member ${data.memberId} is not registered at community ${data.communityId}`);
    }
    return this.executor.execute({
      streamId: householdContactStreamId(data.householdId),
      decider: householdContactDecider,
      command: (metadata) => ({ type: 'AssignHouseholdContact' as const, data, metadata }),
      context,
      authorize,
    });
  }
}
