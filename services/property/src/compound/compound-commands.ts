import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@cogov/domain';
import { NotFoundError } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadModels, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { compoundDecider, type CompoundCommand } from './compound.decide.js';
import { compoundStreamId } from './compound.events.js';
import { compoundFromRow, type CompoundType } from './compound.graphql.js';
import type { CompoundState } from './compound.state.js';
import { CompoundRow } from './projections/compound-directory/compound-directory.entity.js';

/** Runs a compound command inside the caller's jurisdiction and answers the compound as the directory shows it. */
@Injectable()
export class CompoundCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /** `newCommunityId`: where a compound being registered will be (an existing one answers its own). */
  run(
    compoundId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => CompoundCommand,
    newCommunityId?: string,
  ): Promise<Written<CompoundState>> {
    return this.executor.execute({
      streamId: compoundStreamId(compoundId),
      decider: compoundDecider,
      command,
      context,
      authorize: async (current) => {
        const communityId = current.status === 'registered' ? current.communityId : newCommunityId;
        // An unknown compound falls through to decide, which answers NOT_FOUND.
        if (communityId) await this.jurisdiction.assert(context.actor, { communityId });
      },
    });
  }

  async present({ state, checkpoint }: Written<CompoundState>, mutation: string): Promise<CompoundType> {
    if (state.status === 'empty') throw new Error(`compound missing after ${mutation}`);
    await this.readYourWrites.waitFor(['compound-directory'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(CompoundRow, { compoundId: state.compoundId });
    if (!row) throw new NotFoundError('compound', state.compoundId);
    return compoundFromRow(row);
  }
}
