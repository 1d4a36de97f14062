import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class EscalateAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; streetId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Exactly one AppealEscalated per dispatch, however many schedulers race: decide is quiet once the
 * dispatch is escalated, and the expected-version append makes the loser of a race decide again on
 * the winner's state.
 */
@CommandHandler(EscalateAppealCommand)
export class EscalateAppealHandler implements ICommandHandler<EscalateAppealCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  execute({ data, context }: EscalateAppealCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'EscalateAppeal', data, metadata }));
  }
}
