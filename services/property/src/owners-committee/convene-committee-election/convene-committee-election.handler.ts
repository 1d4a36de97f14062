import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError } from '@cogov/domain';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../../owners-assembly/owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../../owners-assembly/owners-assembly.state.js';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';

export interface ConveneCommitteeElectionData {
  assemblyId: string;
  committeeId: string;
  seats: number;
  motion: string;
}

export class ConveneCommitteeElectionCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: ConveneCommitteeElectionData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The preparatory group convenes the election: an owners' assembly of the committee's compound on the matter
 * `committee_election`. The assembly then takes its roll, nominations and ballots like any other, and its count
 * is what `recordCommitteeElection` records on the committee.
 */
@CommandHandler(ConveneCommitteeElectionCommand)
export class ConveneCommitteeElectionHandler implements ICommandHandler<ConveneCommitteeElectionCommand> {
  constructor(
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  async execute({ data, context }: ConveneCommitteeElectionCommand): Promise<Written<OwnersAssemblyState>> {
    const committee = await this.committees.load(data.committeeId, context);
    if (committee.status !== 'preparing') {
      throw new InvalidStateError(`owners committee ${data.committeeId} is ${committee.status}; only a preparatory group convenes an election`);
    }
    const { compoundId, communityId } = committee;
    return this.assemblies.run(
      data.assemblyId,
      context,
      (metadata) => ({
        type: 'ConveneOwnersAssembly',
        data: { assemblyId: data.assemblyId, compoundId, communityId, matter: 'committee_election', motion: data.motion, seats: data.seats },
        metadata,
      }),
      communityId,
    );
  }
}
