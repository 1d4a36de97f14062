import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class AcceptAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AcceptAppealCommand)
export class AcceptAppealHandler implements ICommandHandler<AcceptAppealCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: AcceptAppealCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'AcceptAppeal', data, metadata }));
  }
}
