import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault, type EncryptedField } from '@cogov/eventsourcing';
import type { CommandContext } from '../../infrastructure/command-executor.js';
import { ResidentCommands } from '../resident-commands.js';
import type { ResidentState } from '../resident.state.js';

export interface MoveResidentInData {
  residentId: string;
  householdId: string;
  communityId: string;
  gridId: string;
  name: string;
  idNumber: string;
  phone: string;
  movedInOn: string;
}

export class MoveResidentInCommand extends Command<{ state: ResidentState; encrypted: Record<'name' | 'idNumber' | 'phone', EncryptedField> }> {
  constructor(
    readonly data: MoveResidentInData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MoveResidentInCommand)
export class MoveResidentInHandler implements ICommandHandler<MoveResidentInCommand> {
  constructor(
    @Inject(ResidentCommands) private readonly residents: ResidentCommands,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ data, context }: MoveResidentInCommand) {
    // Subject = the resident: erasing the resident's key erases all three fields everywhere.
    const [name, idNumber, phone] = await Promise.all([
      this.vault.encrypt(data.residentId, data.name),
      this.vault.encrypt(data.residentId, data.idNumber),
      this.vault.encrypt(data.residentId, data.phone),
    ]);
    const encrypted = { name, idNumber, phone };
    const state = await this.residents.run(
      data.residentId,
      context,
      (metadata) => ({ type: 'MoveResidentIn', data: { ...data, ...encrypted }, metadata }),
      { communityId: data.communityId, gridId: data.gridId },
    );
    return { state, encrypted };
  }
}
