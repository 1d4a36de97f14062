import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import type { CompoundState } from '../compound.state.js';

export class RecordCompoundOccupancyCommand extends Command<Written<CompoundState>> {
  constructor(
    readonly data: { compoundId: string; occupiedUnitCount: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCompoundOccupancyCommand)
export class RecordCompoundOccupancyHandler implements ICommandHandler<RecordCompoundOccupancyCommand> {
  constructor(@Inject(CompoundCommands) private readonly compounds: CompoundCommands) {}

  execute({ data, context }: RecordCompoundOccupancyCommand): Promise<Written<CompoundState>> {
    return this.compounds.run(data.compoundId, context, (metadata) => ({ type: 'RecordCompoundOccupancy', data, metadata }));
  }
}
