import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import type { CompoundState } from '../compound.state.js';

export class MarkRedPropertyCommand extends Command<Written<CompoundState>> {
  constructor(
    readonly data: { compoundId: string; partyOrganisationId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MarkRedPropertyCommand)
export class MarkRedPropertyHandler implements ICommandHandler<MarkRedPropertyCommand> {
  constructor(@Inject(CompoundCommands) private readonly compounds: CompoundCommands) {}

  execute({ data, context }: MarkRedPropertyCommand): Promise<Written<CompoundState>> {
    return this.compounds.run(data.compoundId, context, (metadata) => ({ type: 'MarkRedProperty', data, metadata }));
  }
}
