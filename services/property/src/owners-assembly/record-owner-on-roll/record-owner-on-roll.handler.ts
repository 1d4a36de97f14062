import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export class RecordOwnerOnRollCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: { assemblyId: string; unitId: string; ownerId: string; areaHundredthM2: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOwnerOnRollCommand)
export class RecordOwnerOnRollHandler implements ICommandHandler<RecordOwnerOnRollCommand> {
  constructor(@Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands) {}

  execute({ data, context }: RecordOwnerOnRollCommand): Promise<Written<OwnersAssemblyState>> {
    return this.assemblies.run(data.assemblyId, context, (metadata) => ({ type: 'RecordOwnerOnRoll', data, metadata }));
  }
}
