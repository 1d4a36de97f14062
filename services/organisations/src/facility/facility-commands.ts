import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { facilityDecider, type FacilityCommand } from './facility.decide.js';
import { facilityStreamId } from './facility.events.js';
import { facilityFromState, type SharedFacilityType } from './facility.graphql.js';
import type { FacilityState } from './facility.state.js';

/** Runs shared-facility commands inside the actor's jurisdiction. */
@Injectable()
export class FacilityCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * `newFacilityCommunity`: the community of a facility being offered. On an existing facility the
   * jurisdiction is its own community; an unknown one is left to decide, which answers NOT_FOUND.
   */
  run(
    facilityId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => FacilityCommand,
    newFacilityCommunity?: string,
  ): Promise<Written<FacilityState>> {
    return this.executor.execute({
      streamId: facilityStreamId(facilityId),
      decider: facilityDecider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
        else if (newFacilityCommunity) await this.jurisdiction.assert(context.actor, { communityId: newFacilityCommunity });
      },
    });
  }

  /** The mutation's answer: the facility's new state, once the bookings read model shows it. */
  async present({ state, checkpoint }: Written<FacilityState>, mutation: string): Promise<SharedFacilityType> {
    if (state.status === 'empty') throw new Error('shared facility missing after a command');
    await this.readYourWrites.waitFor(['facility-bookings'], checkpoint, mutation);
    return facilityFromState(state);
  }
}
