import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { AmendPairingPledge } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class AmendPairingPledgeCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: AmendPairingPledge['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(AmendPairingPledgeCommand)
export class AmendPairingPledgeHandler implements ICommandHandler<AmendPairingPledgeCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: AmendPairingPledgeCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'AmendPairingPledge', data, metadata }));
  }
}
