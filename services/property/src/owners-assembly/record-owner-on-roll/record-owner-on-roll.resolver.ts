import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireInt, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import { OwnersAssemblyType } from '../owners-assembly.graphql.js';
import { RecordOwnerOnRollCommand } from './record-owner-on-roll.handler.js';

@InputType()
export class RecordOwnerOnRollInput {
  @Field(() => ID) assemblyId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => ID) ownerId!: string;
  @Field(() => Int, { description: 'Exclusive floor area in hundredths of a square metre (registered, else surveyed, else contract area).' })
  areaHundredthM2!: number;
}

@Resolver()
export class RecordOwnerOnRollResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
  ) {}

  @Mutation(() => OwnersAssemblyType, { description: 'Puts a unit on the roll with its owner and area (again, before voting, to correct it).' })
  async recordOwnerOnRoll(@Args('input') input: RecordOwnerOnRollInput, @MutationContext() context: CommandContext): Promise<OwnersAssemblyType> {
    const data = {
      assemblyId: requireUuid(input.assemblyId, 'input.assemblyId'),
      unitId: requireExternalId(input.unitId, 'input.unitId'),
      ownerId: requireExternalId(input.ownerId, 'input.ownerId'),
      areaHundredthM2: requireInt(input.areaHundredthM2, 'input.areaHundredthM2', 1, 2_000_000_000),
    };
    return this.assemblies.present(await this.commands.execute(new RecordOwnerOnRollCommand(data, context)), 'recordOwnerOnRoll');
  }
}
