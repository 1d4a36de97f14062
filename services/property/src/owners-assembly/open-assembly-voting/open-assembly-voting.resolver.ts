import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { OpenAssemblyVotingCommand } from './open-assembly-voting.handler.js';

@InputType()
export class OpenAssemblyVotingInput {
  @Field(() => ID) assemblyId!: string;
}

@Resolver()
export class OpenAssemblyVotingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: 'Freezes the roll and opens the vote.' })
  async openAssemblyVoting(@Args('input') input: OpenAssemblyVotingInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
    };
    return this.assemblies.present(await this.commands.execute(new OpenAssemblyVotingCommand(data, context)), 'openAssemblyVoting');
  }
}
