import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { assertExistingInJurisdiction } from '../../infrastructure/access.js';
import { partyMemberDecider, type CreditPartyMemberServiceHours } from '../party-member.decide.js';
import { partyMemberStreamId } from '../party-member.events.js';
import type { PartyMemberState } from '../party-member.state.js';

export class CreditPartyMemberServiceHoursCommand extends Command<Written<PartyMemberState>> {
  constructor(
    readonly data: CreditPartyMemberServiceHours['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Credits verified volunteer hours to a party member's service record. No mutation: the volunteer-service-record
 * workflow runs it from the volunteers' hours ledger. An unknown member is NOT_FOUND.
 */
@CommandHandler(CreditPartyMemberServiceHoursCommand)
export class CreditPartyMemberServiceHoursHandler implements ICommandHandler<CreditPartyMemberServiceHoursCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: CreditPartyMemberServiceHoursCommand): Promise<Written<PartyMemberState>> {
    return this.executor.execute({
      streamId: partyMemberStreamId(data.memberId),
      decider: partyMemberDecider,
      command: (metadata) => ({ type: 'CreditPartyMemberServiceHours' as const, data, metadata }),
      context,
      authorize: async (state) => {
        await assertExistingInJurisdiction(this.jurisdiction, context.actor, state, 'party member', data.memberId);
      },
    });
  }
}
