import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../../owners-assembly/owners-assembly-commands.js';
import { OwnersAssemblyType } from '../../owners-assembly/owners-assembly.graphql.js';
import { ConveneCommitteeElectionCommand } from './convene-committee-election.handler.js';

@InputType()
export class ConveneCommitteeElectionInput {
  @Field(() => ID, { description: 'The owners committee whose preparatory group convenes the election.' }) committeeId!: string;
  @Field(() => Int, { description: 'Seats on the committee (1–99; usually an odd number, 5 to 11).' }) seats!: number;
  @Field({ description: 'What is put to the owners, e.g. 选举第一届业主委员会.' }) motion!: string;
}

@Resolver()
export class ConveneCommitteeElectionResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: "Convenes the owners' assembly that elects the committee; the rule in force is fixed now." })
  async conveneCommitteeElection(
    @Args('input') input: ConveneCommitteeElectionInput,
    @MutationContext() context: CommandContext,
  ): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: uuidv7(),
      committeeId: requireUuid(input.committeeId, 'input.committeeId'),
      seats: requireInt(input.seats, 'input.seats', 1, 99),
      motion: requireText(input.motion, 'input.motion', { max: 200 }),
    };
    return this.assemblies.present(await this.commands.execute(new ConveneCommitteeElectionCommand(data, context)), 'conveneCommitteeElection');
  }
}
