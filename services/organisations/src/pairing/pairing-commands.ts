import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@cogov/domain';
import type { Decider } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { PAIRING_DECIDER } from '../infrastructure/organisations-infrastructure.js';
import type { PairingCommand } from './pairing.decide.js';
import { pairingStreamId, type PairingEvent } from './pairing.events.js';
import { pairingFromState, type PairingType } from './pairing.graphql.js';
import type { PairingState } from './pairing.state.js';

/** Runs pairing commands with the configured pledge policy, inside the actor's jurisdiction. */
@Injectable()
export class PairingCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PAIRING_DECIDER) private readonly decider: Decider<PairingCommand, PairingEvent, PairingState>,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * `newPairingCommunity`: the community of a pairing being established. On an existing pairing the
   * jurisdiction is its own community; an unknown one is left to decide, which answers NOT_FOUND.
   */
  run(
    pairingId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => PairingCommand,
    newPairingCommunity?: string,
  ): Promise<Written<PairingState>> {
    return this.executor.execute({
      streamId: pairingStreamId(pairingId),
      decider: this.decider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
        else if (newPairingCommunity) await this.jurisdiction.assert(context.actor, { communityId: newPairingCommunity });
      },
    });
  }

  /** The mutation's answer: the pairing's new state, once the community's pairings read model shows it. */
  async present({ state, checkpoint }: Written<PairingState>, mutation: string): Promise<PairingType> {
    if (state.status === 'empty') throw new Error('pairing missing after a command');
    await this.readYourWrites.waitFor(['community-pairings'], checkpoint, mutation);
    return pairingFromState(state);
  }
}
