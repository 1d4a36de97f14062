import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { EndPairing } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class EndPairingCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: EndPairing['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(EndPairingCommand)
export class EndPairingHandler implements ICommandHandler<EndPairingCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: EndPairingCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'EndPairing', data, metadata }));
  }
}
