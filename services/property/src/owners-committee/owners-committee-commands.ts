import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, type CommandMetadata } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, ReadModels, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { ownersCommitteeDecider, type OwnersCommitteeCommand } from './owners-committee.decide.js';
import { ownersCommitteeStreamId } from './owners-committee.events.js';
import { committeeFromRow, type OwnersCommitteeType } from './owners-committee.graphql.js';
import type { OwnersCommitteeState } from './owners-committee.state.js';
import { OwnersCommitteeRow } from './projections/owners-committee-register/owners-committee-register.entity.js';

type Existing = Exclude<OwnersCommitteeState, { status: 'empty' }>;

/** Runs an owners' committee command inside the caller's jurisdiction and answers the committee as registered. */
@Injectable()
export class OwnersCommitteeCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  /** The committee as its stream has it, once the caller is known to act in its community (else NOT_FOUND / FORBIDDEN). */
  async load(committeeId: string, context: CommandContext): Promise<Existing> {
    const { state } = await this.aggregates.load(ownersCommitteeStreamId(committeeId), ownersCommitteeDecider);
    if (state.status === 'empty') throw new NotFoundError('owners committee', committeeId);
    await this.jurisdiction.assert(context.actor, { communityId: state.communityId });
    return state;
  }

  run(
    committeeId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => OwnersCommitteeCommand,
    newCommunityId?: string,
  ): Promise<Written<OwnersCommitteeState>> {
    return this.executor.execute({
      streamId: ownersCommitteeStreamId(committeeId),
      decider: ownersCommitteeDecider,
      command,
      context,
      authorize: async (current) => {
        const communityId = current.status !== 'empty' ? current.communityId : newCommunityId;
        // An unknown committee falls through to decide, which answers NOT_FOUND.
        if (communityId) await this.jurisdiction.assert(context.actor, { communityId });
      },
    });
  }

  async present({ state, checkpoint }: Written<OwnersCommitteeState>, mutation: string): Promise<OwnersCommitteeType> {
    if (state.status === 'empty') throw new Error(`owners committee missing after ${mutation}`);
    await this.readYourWrites.waitFor(['owners-committee-register'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(OwnersCommitteeRow, { committeeId: state.committeeId });
    if (!row) throw new NotFoundError('owners committee', state.committeeId);
    return committeeFromRow(row);
  }
}
