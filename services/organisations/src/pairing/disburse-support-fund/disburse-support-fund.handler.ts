import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { DisburseSupportFund } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class DisburseSupportFundCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: DisburseSupportFund['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the pairing's own community, checked once its stream is loaded (PairingCommands). */
@CommandHandler(DisburseSupportFundCommand)
export class DisburseSupportFundHandler implements ICommandHandler<DisburseSupportFundCommand> {
  constructor(@Inject(PairingCommands) private readonly pairings: PairingCommands) {}

  execute({ data, context }: DisburseSupportFundCommand): Promise<Written<PairingState>> {
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'DisburseSupportFund', data, metadata }));
  }
}
