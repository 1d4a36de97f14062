import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore, PersonalDataVault, type EncryptedField } from '@cogov/eventsourcing';
import { householdDecider } from '../../household/household.decide.js';
import { householdStreamId } from '../../household/household.events.js';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { type CommandContext, Jurisdiction, type Written } from '@cogov/service-kit';
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

export class MoveResidentInCommand extends Command<Written<ResidentState> & { encrypted: Record<'name' | 'idNumber' | 'phone', EncryptedField> }> {
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
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: MoveResidentInCommand) {
    const place = { communityId: data.communityId, gridId: data.gridId };
    // The cross-aggregate fact resident.decide leaves to the shell, checked before anything is encrypted (a
    // bad household must not leave a subject key behind) and after the jurisdiction (nobody learns which
    // households exist outside theirs). Without it, a community's staff could file a resident into another
    // community's household by naming their own community in the input.
    await this.jurisdiction.assert(context.actor, place);
    const { state: household } = await this.aggregates.load(householdStreamId(data.householdId), householdDecider);
    if (household.status !== 'registered') throw new NotFoundError('household', data.householdId);
    if (household.communityId !== data.communityId || household.gridId !== data.gridId) {
      throw new ValidationError('gridId', `household ${data.householdId} is not in community ${data.communityId}, grid ${data.gridId}`);
    }
    // Subject = the resident: erasing the resident's key erases all three fields everywhere.
    const [name, idNumber, phone] = await Promise.all([
      this.vault.encrypt(data.residentId, data.name),
      this.vault.encrypt(data.residentId, data.idNumber),
      this.vault.encrypt(data.residentId, data.phone),
    ]);
    const encrypted = { name, idNumber, phone };
    const written = await this.residents.run(
      data.residentId,
      context,
      (metadata) => ({ type: 'MoveResidentIn', data: { ...data, ...encrypted }, metadata }),
      place,
    );
    return { ...written, encrypted };
  }
}
