import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class NoteAppealProgressCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; note: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(NoteAppealProgressCommand)
export class NoteAppealProgressHandler implements ICommandHandler<NoteAppealProgressCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: NoteAppealProgressCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'NoteAppealProgress', data, metadata }));
  }
}
