import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { StakeholderKind } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import type { AppealState } from '../appeal.state.js';

export class DispatchAppealCommand extends Command<Written<AppealState>> {
  constructor(
    readonly data: { appealId: string; stakeholder: { kind: StakeholderKind; id: string } },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DispatchAppealCommand)
export class DispatchAppealHandler implements ICommandHandler<DispatchAppealCommand> {
  constructor(@Inject(AppealCommands) private readonly appeals: AppealCommands) {}

  async execute({ data, context }: DispatchAppealCommand): Promise<Written<AppealState>> {
    return this.appeals.run(data.appealId, context, (metadata) => ({ type: 'DispatchAppeal', data, metadata }));
  }
}
