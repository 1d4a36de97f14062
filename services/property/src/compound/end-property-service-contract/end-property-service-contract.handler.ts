import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import type { CompoundState } from '../compound.state.js';

export class EndPropertyServiceContractCommand extends Command<Written<CompoundState>> {
  constructor(
    readonly data: { compoundId: string; contractId: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EndPropertyServiceContractCommand)
export class EndPropertyServiceContractHandler implements ICommandHandler<EndPropertyServiceContractCommand> {
  constructor(@Inject(CompoundCommands) private readonly compounds: CompoundCommands) {}

  execute({ data, context }: EndPropertyServiceContractCommand): Promise<Written<CompoundState>> {
    return this.compounds.run(data.compoundId, context, (metadata) => ({ type: 'EndPropertyServiceContract', data, metadata }));
  }
}
