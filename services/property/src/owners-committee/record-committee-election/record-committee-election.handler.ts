import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { ownersAssemblyDecider } from '../../owners-assembly/owners-assembly.decide.js';
import { ownersAssemblyStreamId } from '../../owners-assembly/owners-assembly.events.js';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import type { OwnersCommitteeState } from '../owners-committee.state.js';

export class RecordCommitteeElectionCommand extends Command<Written<OwnersCommitteeState>> {
  constructor(
    readonly data: { committeeId: string; assemblyId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Records on the committee what an owners' assembly decided: only a committee election of the same compound,
 * counted with every seat filled (`elected`). The members are the count's, never the caller's: a partial
 * election, a tie or too low a turnout leaves the group preparing for another vote.
 */
@CommandHandler(RecordCommitteeElectionCommand)
export class RecordCommitteeElectionHandler implements ICommandHandler<RecordCommitteeElectionCommand> {
  constructor(
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: RecordCommitteeElectionCommand): Promise<Written<OwnersCommitteeState>> {
    const committee = await this.committees.load(data.committeeId, context);
    const { state: assembly } = await this.aggregates.load(ownersAssemblyStreamId(data.assemblyId), ownersAssemblyDecider);
    if (assembly.status === 'empty') throw new NotFoundError('owners assembly', data.assemblyId);
    if (assembly.compoundId !== committee.compoundId || assembly.matter !== 'committee_election') {
      throw new ValidationError('input.assemblyId', `owners assembly ${data.assemblyId} is not a committee election of compound ${committee.compoundId}`);
    }
    if (assembly.status !== 'counted') throw new InvalidStateError(`owners assembly ${data.assemblyId} is ${assembly.status}; count it first`);
    if (assembly.outcome !== 'elected') {
      throw new InvalidStateError(`owners assembly ${data.assemblyId} counted ${assembly.outcome}; only an election filling every seat elects a committee`);
    }
    const memberIds = [...assembly.elected];
    return this.committees.run(data.committeeId, context, (metadata) => ({
      type: 'RecordCommitteeElection',
      data: { committeeId: data.committeeId, assemblyId: data.assemblyId, memberIds },
      metadata,
    }));
  }
}
