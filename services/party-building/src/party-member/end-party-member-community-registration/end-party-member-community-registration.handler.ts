import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { assertExistingInJurisdiction } from '../../infrastructure/access.js';
import { partyMemberDecider } from '../party-member.decide.js';
import { partyMemberStreamId } from '../party-member.events.js';
import type { PartyMemberState } from '../party-member.state.js';

export interface EndPartyMemberCommunityRegistrationData {
  memberId: string;
  reason: string;
}

export class EndPartyMemberCommunityRegistrationCommand extends Command<Written<PartyMemberState>> {
  constructor(
    readonly data: EndPartyMemberCommunityRegistrationData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EndPartyMemberCommunityRegistrationCommand)
export class EndPartyMemberCommunityRegistrationHandler implements ICommandHandler<EndPartyMemberCommunityRegistrationCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: EndPartyMemberCommunityRegistrationCommand): Promise<Written<PartyMemberState>> {
    return this.executor.execute({
      streamId: partyMemberStreamId(data.memberId),
      decider: partyMemberDecider,
      command: (metadata) => ({ type: 'EndPartyMemberCommunityRegistration' as const, data, metadata }),
      context,
      authorize: async (state) => {
        await assertExistingInJurisdiction(this.jurisdiction, context.actor, state, 'party member', data.memberId);
      },
    });
  }
}
