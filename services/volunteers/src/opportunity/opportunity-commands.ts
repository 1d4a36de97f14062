import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { opportunityDecider, type OpportunityCommand } from './opportunity.decide.js';
import { opportunityStreamId } from './opportunity.events.js';
import type { OpportunityType } from './opportunity.graphql.js';
import type { OpportunityState } from './opportunity.state.js';
import { OpportunityReader } from './opportunity-reader.js';

/** Runs opportunity commands inside the actor's jurisdiction, and answers them from the board. */
@Injectable()
export class OpportunityCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(OpportunityReader) private readonly reader: OpportunityReader,
  ) {}

  /**
   * `newOpportunityPlace`: the community of an opportunity being published (an existing one's is in its state).
   * An empty stream otherwise reaches decide, which answers NotFound.
   */
  run(
    opportunityId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => OpportunityCommand,
    newOpportunityPlace?: { communityId: string },
  ): Promise<Written<OpportunityState>> {
    return this.executor.execute({
      streamId: opportunityStreamId(opportunityId),
      decider: opportunityDecider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
        else if (newOpportunityPlace) await this.jurisdiction.assert(context.actor, newOpportunityPlace);
      },
    });
  }

  async present(actor: Actor, opportunityId: string, { checkpoint }: Written<OpportunityState>, mutation: string): Promise<OpportunityType> {
    await this.readYourWrites.waitFor(['opportunity-board'], checkpoint, mutation);
    return this.reader.opportunity(actor, opportunityId);
  }
}
