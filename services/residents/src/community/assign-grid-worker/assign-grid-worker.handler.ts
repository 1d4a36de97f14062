import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CommunityCommands } from '../community-command.js';
import type { CommunityState } from '../community.state.js';

export class AssignGridWorkerCommand extends Command<Written<CommunityState>> {
  constructor(
    readonly data: { communityId: string; gridId: string; workerId: string; workerName: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignGridWorkerCommand)
export class AssignGridWorkerHandler implements ICommandHandler<AssignGridWorkerCommand> {
  constructor(
    @Inject(CommunityCommands) private readonly communities: CommunityCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: AssignGridWorkerCommand): Promise<Written<CommunityState>> {
    // The worker's name is personal data of the worker: encrypted under the worker's own key.
    const workerName = await this.vault.encrypt(data.workerId, data.workerName);
    return this.communities.run(data.communityId, context, (metadata) => ({
      type: 'AssignGridWorker',
      data: { ...data, workerName },
      metadata,
    }));
  }
}
