import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { SetMonthlyTheme } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class SetMonthlyThemeCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: SetMonthlyTheme['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(SetMonthlyThemeCommand)
export class SetMonthlyThemeHandler implements ICommandHandler<SetMonthlyThemeCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: SetMonthlyThemeCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'SetMonthlyTheme', data, metadata }));
  }
}
