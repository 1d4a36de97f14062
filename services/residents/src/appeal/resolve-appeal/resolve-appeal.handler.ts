import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class ResolveAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; resolution: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ResolveAppealCommand)
export class ResolveAppealHandler implements ICommandHandler<ResolveAppealCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: ResolveAppealCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'ResolveAppeal', data, metadata }));
  }
}
