import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import { compoundDecider } from '../../compound/compound.decide.js';
import { compoundStreamId } from '../../compound/compound.events.js';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import type { PropertyAssessmentState } from '../property-assessment.state.js';

export class OpenPropertyServiceAssessmentCommand extends Command<Written<PropertyAssessmentState>> {
  constructor(
    readonly data: { compoundId: string; quarter: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OpenPropertyServiceAssessmentCommand)
export class OpenPropertyServiceAssessmentHandler implements ICommandHandler<OpenPropertyServiceAssessmentCommand> {
  constructor(
    @Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute({ data, context }: OpenPropertyServiceAssessmentCommand): Promise<Written<PropertyAssessmentState>> {
    // What is assessed is the company under the contract in force, so community and company come from the
    // compound's own stream rather than from the caller.
    const { state: compound } = await this.aggregates.load(compoundStreamId(data.compoundId), compoundDecider);
    if (compound.status !== 'registered') throw new NotFoundError('compound', data.compoundId);
    await this.jurisdiction.assert(context.actor, { communityId: compound.communityId });
    if (!compound.contract) throw new InvalidStateError(`compound ${data.compoundId} has no property service contract in force`);
    const { communityId } = compound;
    const { companyId } = compound.contract;
    return this.assessments.run(
      data,
      context,
      (metadata) => ({ type: 'OpenPropertyServiceAssessment', data: { ...data, communityId, companyId }, metadata }),
      communityId,
    );
  }
}
