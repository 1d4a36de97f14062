import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { MoveOutReason } from '../resident.events.js';
import { ResidentCommands } from '../resident-commands.js';
import type { ResidentState } from '../resident.state.js';

export class MoveResidentOutCommand extends Command<Written<ResidentState>> {
  constructor(
    readonly data: { residentId: string; movedOutOn: string; reason: MoveOutReason },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MoveResidentOutCommand)
export class MoveResidentOutHandler implements ICommandHandler<MoveResidentOutCommand> {
  constructor(
    @Inject(ResidentCommands) private readonly residents: ResidentCommands,
  ) {}

  async execute({ data, context }: MoveResidentOutCommand): Promise<Written<ResidentState>> {
    return this.residents.run(data.residentId, context, (metadata) => ({ type: 'MoveResidentOut', data, metadata }));
  }
}
