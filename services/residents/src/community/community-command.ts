import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, type CommandContext, type CommandExecutor, Jurisdiction, type Written } from '@cogov/service-kit';
import { communityDecider, type CommunityCommand } from './community.decide.js';
import { communityStreamId } from './community.events.js';
import type { CommunityState } from './community.state.js';

/** Runs a command on an existing community, inside the actor's jurisdiction over that community. */
@Injectable()
export class CommunityCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async run(communityId: string, context: CommandContext, command: (metadata: CommandMetadata) => CommunityCommand): Promise<Written<CommunityState>> {
    return this.executor.execute({
      streamId: communityStreamId(communityId),
      decider: communityDecider,
      command,
      context,
      authorize: async (current) => {
        if (current.status === 'registered') {
          await this.jurisdiction.assert(context.actor, { communityId, streetId: current.streetId });
        }
      },
    });
  }
}
