import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { volunteerDecider } from '../../volunteer/volunteer.decide.js';
import { volunteerStreamId } from '../../volunteer/volunteer.events.js';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class SignUpForOpportunityCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: { opportunityId: string; volunteerId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SignUpForOpportunityCommand)
export class SignUpForOpportunityHandler implements ICommandHandler<SignUpForOpportunityCommand> {
  constructor(
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: SignUpForOpportunityCommand): Promise<Written<OpportunityState>> {
    // The volunteer is another aggregate: read from its stream, the source of truth. A suspension landing
    // between this check and the append is accepted as a race; the sign-up can be withdrawn.
    const { state: volunteer } = await this.aggregates.load(volunteerStreamId(data.volunteerId), volunteerDecider);
    if (volunteer.status === 'empty') throw new NotFoundError('volunteer', data.volunteerId);
    if (volunteer.status === 'suspended') {
      throw new InvalidStateError(`volunteer ${data.volunteerId} is suspended; only an active volunteer can sign up`);
    }
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'SignUpForOpportunity', data, metadata }));
  }
}
