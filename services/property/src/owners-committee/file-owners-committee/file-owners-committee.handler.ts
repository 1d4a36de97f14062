import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import type { OwnersCommitteeState } from '../owners-committee.state.js';

export class FileOwnersCommitteeCommand extends Command<Written<OwnersCommitteeState>> {
  constructor(
    readonly data: { committeeId: string; filedWith: string; filingNumber: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FileOwnersCommitteeCommand)
export class FileOwnersCommitteeHandler implements ICommandHandler<FileOwnersCommitteeCommand> {
  constructor(@Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands) {}

  execute({ data, context }: FileOwnersCommitteeCommand): Promise<Written<OwnersCommitteeState>> {
    return this.committees.run(data.committeeId, context, (metadata) => ({ type: 'FileOwnersCommittee', data, metadata }));
  }
}
