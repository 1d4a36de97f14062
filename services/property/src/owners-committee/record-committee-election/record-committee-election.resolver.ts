import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersCommitteeCommands } from '../owners-committee-commands.js';
import { OwnersCommitteeType } from '../owners-committee.graphql.js';
import { RecordCommitteeElectionCommand } from './record-committee-election.handler.js';

@InputType()
export class RecordCommitteeElectionInput {
  @Field(() => ID) committeeId!: string;
  @Field(() => ID, { description: 'The counted committee election (conveneCommitteeElection) whose elected owners form the committee.' })
  assemblyId!: string;
}

@Resolver()
export class RecordCommitteeElectionResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersCommitteeCommands) private readonly committees: OwnersCommitteeCommands,
  ) {}

  @Mutation(() => OwnersCommitteeType, { description: "Records the committee elected by a counted election of the compound (every seat filled)." })
  async recordCommitteeElection(
    @Args('input') input: RecordCommitteeElectionInput,
    @MutationContext() context: CommandContext,
  ): Promise<OwnersCommitteeType> {
    const data = {
      committeeId: requireUuid(input.committeeId, 'input.committeeId'),
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
    };
    return this.committees.present(await this.commands.execute(new RecordCommitteeElectionCommand(data, context)), 'recordCommitteeElection');
  }
}
