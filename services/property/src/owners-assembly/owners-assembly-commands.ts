import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, type CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadModels, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { ownersAssemblyDecider, type OwnersAssemblyCommand } from './owners-assembly.decide.js';
import { ownersAssemblyStreamId } from './owners-assembly.events.js';
import { assemblyFromRow, type OwnersAssemblyType } from './owners-assembly.graphql.js';
import type { OwnersAssemblyState } from './owners-assembly.state.js';
import { AssemblyRow } from './projections/assembly-register/assembly-register.entity.js';

/** Runs an owners' assembly command inside the caller's jurisdiction and answers the assembly as registered. */
@Injectable()
export class OwnersAssemblyCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  run(
    assemblyId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => OwnersAssemblyCommand,
    newCommunityId?: string,
  ): Promise<Written<OwnersAssemblyState>> {
    return this.executor.execute({
      streamId: ownersAssemblyStreamId(assemblyId),
      decider: ownersAssemblyDecider,
      command,
      context,
      authorize: async (current) => {
        const communityId = current.status !== 'empty' ? current.communityId : newCommunityId;
        // An unknown assembly falls through to decide, which answers NOT_FOUND.
        if (communityId) await this.jurisdiction.assert(context.actor, { communityId });
      },
    });
  }

  async present({ state, checkpoint }: Written<OwnersAssemblyState>, mutation: string): Promise<OwnersAssemblyType> {
    if (state.status === 'empty') throw new Error(`owners assembly missing after ${mutation}`);
    await this.readYourWrites.waitFor(['assembly-register'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(AssemblyRow, { assemblyId: state.assemblyId });
    if (!row) throw new NotFoundError('owners assembly', state.assemblyId);
    return assemblyFromRow(row);
  }
}
