import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CommunityCommands } from '../community-command.js';
import type { CommunityState } from '../community.state.js';

export class DelineateGridCommand extends Command<Written<CommunityState>> {
  constructor(
    readonly data: { communityId: string; gridId: string; name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DelineateGridCommand)
export class DelineateGridHandler implements ICommandHandler<DelineateGridCommand> {
  constructor(@Inject(CommunityCommands) private readonly communities: CommunityCommands) {}

  execute({ data, context }: DelineateGridCommand): Promise<Written<CommunityState>> {
    return this.communities.run(data.communityId, context, (metadata) => ({ type: 'DelineateGrid', data, metadata }));
  }
}
