import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireEnum, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import { COMPOUND_ENCLOSURES } from '../compound.events.js';
import { CompoundType } from '../compound.graphql.js';
import { RegisterCompoundCommand } from './register-compound.handler.js';

@InputType()
export class RegisterCompoundInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ description: 'closed | open' }) enclosure!: string;
  @Field(() => Int) unitCount!: number;
  @Field(() => Int, { description: 'Floor area in hundredths of a square metre.' }) floorAreaHundredthM2!: number;
}

@Resolver()
export class RegisterCompoundResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CompoundCommands) private readonly compounds: CompoundCommands,
  ) {}

  @Mutation(() => CompoundType)
  async registerCompound(@Args('input') input: RegisterCompoundInput, @MutationContext() context: CommandContext): Promise<CompoundType> {
    const data = {
      compoundId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      name: requireText(input.name, 'input.name', { max: 60 }),
      enclosure: requireEnum(input.enclosure, COMPOUND_ENCLOSURES, 'input.enclosure'),
      unitCount: requireInt(input.unitCount, 'input.unitCount', 1, 100_000),
      floorAreaHundredthM2: requireInt(input.floorAreaHundredthM2, 'input.floorAreaHundredthM2', 1, 2_000_000_000),
    };
    return this.compounds.present(await this.commands.execute(new RegisterCompoundCommand(data, context)), 'registerCompound');
  }
}
