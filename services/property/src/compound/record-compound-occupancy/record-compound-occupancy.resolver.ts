import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireInt, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import { CompoundType } from '../compound.graphql.js';
import { RecordCompoundOccupancyCommand } from './record-compound-occupancy.handler.js';

@InputType()
export class RecordCompoundOccupancyInput {
  @Field(() => ID) compoundId!: string;
  @Field(() => Int, { description: 'Units lived in (入住), at most the compound’s units.' }) occupiedUnitCount!: number;
}

@Resolver()
export class RecordCompoundOccupancyResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CompoundCommands) private readonly compounds: CompoundCommands,
  ) {}

  @Mutation(() => CompoundType, { description: 'Records how many units of the compound are lived in (入住率).' })
  async recordCompoundOccupancy(@Args('input') input: RecordCompoundOccupancyInput, @MutationContext() context: CommandContext): Promise<CompoundType> {
    // The upper bound is the compound's own unit count: decide's to check.
    const data = {
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      occupiedUnitCount: requireInt(input.occupiedUnitCount, 'input.occupiedUnitCount', 0, 1_000_000),
    };
    return this.compounds.present(await this.commands.execute(new RecordCompoundOccupancyCommand(data, context)), 'recordCompoundOccupancy');
  }
}
