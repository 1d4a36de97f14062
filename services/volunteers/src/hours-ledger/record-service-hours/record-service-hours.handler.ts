import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { AggregateStore, PersonalDataVault } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { opportunityDecider } from '../../opportunity/opportunity.decide.js';
import { opportunityStreamId } from '../../opportunity/opportunity.events.js';
import { volunteerDecider } from '../../volunteer/volunteer.decide.js';
import { volunteerStreamId } from '../../volunteer/volunteer.events.js';
import { hoursLedgerDecider, type RecordServiceHours } from '../hours-ledger.decide.js';
import { hoursLedgerStreamId } from '../hours-ledger.events.js';
import type { HoursLedgerState } from '../hours-ledger.state.js';

export type RecordServiceHoursData = Omit<RecordServiceHours['data'], 'personInChargeName'> & { personInChargeName: string };

export class RecordServiceHoursCommand extends Command<Written<HoursLedgerState>> {
  constructor(
    readonly data: RecordServiceHoursData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordServiceHoursCommand)
export class RecordServiceHoursHandler implements ICommandHandler<RecordServiceHoursCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: RecordServiceHoursCommand): Promise<Written<HoursLedgerState>> {
    // The record belongs to the community where the service was given: its staff enter it.
    await this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    const { state: volunteer } = await this.aggregates.load(volunteerStreamId(data.volunteerId), volunteerDecider);
    if (volunteer.status === 'empty') throw new NotFoundError('volunteer', data.volunteerId);
    if (data.source.kind === 'opportunity') await this.requireVerifiedOnOpportunity(data);
    const personInChargeName = await this.vault.encrypt(data.personInChargeId, data.personInChargeName);
    return this.executor.execute({
      streamId: hoursLedgerStreamId(data.volunteerId),
      decider: hoursLedgerDecider,
      command: (metadata) => ({ type: 'RecordServiceHours' as const, data: { ...data, personInChargeName }, metadata }),
      context,
      authorize: async () => undefined,
    });
  }

  /** Hours from an opportunity enter the ledger only as the organiser verified them there. */
  private async requireVerifiedOnOpportunity(data: RecordServiceHoursData): Promise<void> {
    const opportunityId = data.source.id!;
    const { state } = await this.aggregates.load(opportunityStreamId(opportunityId), opportunityDecider);
    if (state.status === 'empty') throw new NotFoundError('service opportunity', opportunityId);
    if (state.communityId !== data.communityId) {
      throw new ValidationError('input.communityId', `input.communityId must be the opportunity's community ${state.communityId}`);
    }
    const participation = state.participants[data.volunteerId];
    if (participation?.stage !== 'verified') {
      throw new InvalidStateError(`the hours of volunteer ${data.volunteerId} on service opportunity ${opportunityId} are not verified yet`);
    }
    if (participation.servedMinutes !== data.servedMinutes) {
      throw new ValidationError('input.servedMinutes', `input.servedMinutes must be the ${participation.servedMinutes} minutes verified`);
    }
  }
}
