import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { ResidentCommands } from '../resident-commands.js';
import type { ResidentState } from '../resident.state.js';

export class ErasePersonalDataCommand extends Command<Written<ResidentState>> {
  constructor(
    readonly data: { residentId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(ResidentCommands) private readonly residents: ResidentCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: ErasePersonalDataCommand): Promise<Written<ResidentState>> {
    const written = await this.residents.run(data.residentId, context, (metadata) => ({ type: 'ErasePersonalData', data, metadata }));
    // The event first (it checks existence and jurisdiction and explains the erasure), then the key: a
    // failure in between is repaired by repeating the command, which is quiet on the event and erases again.
    await this.vault.eraseSubject(data.residentId);
    return written;
  }
}
