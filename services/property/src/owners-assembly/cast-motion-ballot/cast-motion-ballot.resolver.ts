import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireEnum, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { MOTION_CHOICES } from '../assembly-vote.js';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { CastMotionBallotCommand } from './cast-motion-ballot.handler.js';

@InputType()
export class CastMotionBallotInput {
  @Field(() => ID) assemblyId!: string;
  @Field(() => ID) unitId!: string;
  @Field({ description: 'for | against | abstain' }) choice!: string;
}

@Resolver()
export class CastMotionBallotResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: 'Casts the one, final ballot of a unit on the roll.' })
  async castMotionBallot(@Args('input') input: CastMotionBallotInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
      unitId: requireExternalId(input.unitId, 'input.unitId'),
      choice: requireEnum(input.choice, MOTION_CHOICES, 'input.choice'),
    };
    return this.assemblies.present(await this.commands.execute(new CastMotionBallotCommand(data, context)), 'castMotionBallot');
  }
}
