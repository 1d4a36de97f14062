import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class ReopenAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReopenAppealCommand)
export class ReopenAppealHandler implements ICommandHandler<ReopenAppealCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: ReopenAppealCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'ReopenAppeal', data, metadata }));
  }
}
