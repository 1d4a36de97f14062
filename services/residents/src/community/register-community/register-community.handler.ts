import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, type CommandContext, type CommandExecutor, Jurisdiction, type Written } from '@cogov/service-kit';
import { communityDecider } from '../community.decide.js';
import { communityStreamId } from '../community.events.js';
import type { CommunityState } from '../community.state.js';

export interface RegisterCommunityData {
  communityId: string;
  name: string;
  streetId: string;
  streetName: string;
}

export class RegisterCommunityCommand extends Command<Written<CommunityState>> {
  constructor(
    readonly data: RegisterCommunityData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCommunityCommand)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunityCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute({ data, context }: RegisterCommunityCommand): Promise<Written<CommunityState>> {
    return this.executor.execute({
      streamId: communityStreamId(data.communityId),
      decider: communityDecider,
      command: (metadata) => ({ type: 'RegisterCommunity' as const, data, metadata }),
      context,
      // The community does not exist yet: the street in the input is what a street admin is matched on.
      authorize: () => this.jurisdiction.assert(context.actor, { communityId: data.communityId, streetId: data.streetId }),
    });
  }
}
