import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { ReviewPairing } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class ReviewPairingCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: ReviewPairing['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(ReviewPairingCommand)
export class ReviewPairingHandler implements ICommandHandler<ReviewPairingCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: ReviewPairingCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'ReviewPairing', data, metadata }));
  }
}
