import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { CastElectionBallotCommand } from './cast-election-ballot.handler.js';

@InputType()
export class CastElectionBallotInput {
  @Field(() => ID) assemblyId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => [ID], { description: 'The candidates the unit approves, at most one per seat; empty: taking part, approving nobody.' })
  approvedCandidateIds!: string[];
}

@Resolver()
export class CastElectionBallotResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: "Casts the one, final election ballot of a unit on the roll." })
  async castElectionBallot(@Args('input') input: CastElectionBallotInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    // Repeats, unknown candidates and more approvals than seats are decide's to name (it knows the candidates).
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
      unitId: requireExternalId(input.unitId, 'input.unitId'),
      approvedCandidateIds: input.approvedCandidateIds.map((id, i) => requireExternalId(id, `input.approvedCandidateIds[${i}]`)),
    };
    return this.assemblies.present(await this.commands.execute(new CastElectionBallotCommand(data, context)), 'castElectionBallot');
  }
}
