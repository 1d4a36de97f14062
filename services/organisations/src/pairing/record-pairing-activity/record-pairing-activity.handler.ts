import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { RecordPairingActivity } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class RecordPairingActivityCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: RecordPairingActivity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(RecordPairingActivityCommand)
export class RecordPairingActivityHandler implements ICommandHandler<RecordPairingActivityCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: RecordPairingActivityCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'RecordPairingActivity', data, metadata }));
  }
}
