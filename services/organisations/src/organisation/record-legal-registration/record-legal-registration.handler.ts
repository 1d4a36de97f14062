import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, type CommandMetadata } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { creditCodeReservationDecider, creditCodeStreamId } from '../credit-code-reservation.js';
import { organisationDecider, type RecordLegalRegistration } from '../organisation.decide.js';
import { organisationStreamId } from '../organisation.events.js';
import type { OrganisationState } from '../organisation.state.js';

export class RecordLegalRegistrationCommand extends Command<Written<OrganisationState>> {
  constructor(
    readonly data: RecordLegalRegistration['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The credit code the civil-affairs bureau gave is unique across organisations, as at registration: it is
 * reserved in its own stream first (credit-code-reservation.ts), once the decider has accepted the move on
 * the organisation as it stands, so that a refused move (not incubated yet, not a social organisation)
 * leaves no reservation behind.
 */
@CommandHandler(RecordLegalRegistrationCommand)
export class RecordLegalRegistrationHandler implements ICommandHandler<RecordLegalRegistrationCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: RecordLegalRegistrationCommand): Promise<Written<OrganisationState>> {
    const { organisationId, creditCode } = data;
    const command = (metadata: CommandMetadata) => ({ type: 'RecordLegalRegistration' as const, data, metadata });
    const { state } = await this.aggregates.load(organisationStreamId(organisationId), organisationDecider);
    if (state.status !== 'registered') throw new NotFoundError('organisation', organisationId);
    const { communityId } = state;
    const authorize = () => this.jurisdiction.assert(context.actor, { communityId });
    await authorize();
    // Dry run of the lifecycle rule: its InvalidStateError, before anything is reserved.
    organisationDecider.decide(command({ now: context.occurredAt, actor: context.actor.subject }), state);
    await this.executor.execute({
      streamId: creditCodeStreamId(creditCode),
      decider: creditCodeReservationDecider,
      command: (metadata) => ({ type: 'ReserveCreditCode' as const, data: { creditCode, organisationId, communityId }, metadata }),
      context,
      authorize,
    });
    return this.executor.execute({ streamId: organisationStreamId(organisationId), decider: organisationDecider, command, context, authorize });
  }
}
