import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { NominateCommitteeCandidateCommand } from './nominate-committee-candidate.handler.js';

@InputType()
export class NominateCommitteeCandidateInput {
  @Field(() => ID) assemblyId!: string;
  @Field(() => ID, { description: 'An owner on the roll (their owner id).' }) candidateId!: string;
}

@Resolver()
export class NominateCommitteeCandidateResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: "Nominates an owner on the roll for the owners' committee, before voting opens." })
  async nominateCommitteeCandidate(
    @Args('input') input: NominateCommitteeCandidateInput,
    @MutationContext() context: CommandContext,
  ): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
      candidateId: requireExternalId(input.candidateId, 'input.candidateId'),
    };
    return this.assemblies.present(await this.commands.execute(new NominateCommitteeCandidateCommand(data, context)), 'nominateCommitteeCandidate');
  }
}
