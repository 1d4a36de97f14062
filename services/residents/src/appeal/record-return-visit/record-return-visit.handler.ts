import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { SatisfactionRating } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class RecordReturnVisitCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; rating: SatisfactionRating; comment: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordReturnVisitCommand)
export class RecordReturnVisitHandler implements ICommandHandler<RecordReturnVisitCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: RecordReturnVisitCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'RecordReturnVisit', data, metadata }));
  }
}
