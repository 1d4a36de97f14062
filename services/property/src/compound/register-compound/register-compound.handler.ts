import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { CompoundCommands } from '../compound-commands.js';
import type { CompoundEnclosure } from '../compound.events.js';
import type { CompoundState } from '../compound.state.js';

export interface RegisterCompoundData {
  compoundId: string;
  communityId: string;
  name: string;
  enclosure: CompoundEnclosure;
  unitCount: number;
  floorAreaHundredthM2: number;
}

export class RegisterCompoundCommand extends Command<Written<CompoundState>> {
  constructor(
    readonly data: RegisterCompoundData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCompoundCommand)
export class RegisterCompoundHandler implements ICommandHandler<RegisterCompoundCommand> {
  constructor(@Inject(CompoundCommands) private readonly compounds: CompoundCommands) {}

  execute({ data, context }: RegisterCompoundCommand): Promise<Written<CompoundState>> {
    return this.compounds.run(data.compoundId, context, (metadata) => ({ type: 'RegisterCompound', data, metadata }), data.communityId);
  }
}
