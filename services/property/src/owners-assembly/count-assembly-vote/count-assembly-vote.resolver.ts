import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { CountAssemblyVoteCommand } from './count-assembly-vote.handler.js';

@InputType()
export class CountAssemblyVoteInput {
  @Field(() => ID) assemblyId!: string;
}

@Resolver()
export class CountAssemblyVoteResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: 'Closes the vote and counts it by the rule fixed at convening; the result explains itself.' })
  async countAssemblyVote(@Args('input') input: CountAssemblyVoteInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
    };
    return this.assemblies.present(await this.commands.execute(new CountAssemblyVoteCommand(data, context)), 'countAssemblyVote');
  }
}
