import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import type { CommandContext, Written } from '@cogov/service-kit';
import { appealSatisfactionTally } from '../../workflows/appeal-satisfaction/appeal-satisfaction.workflow.js';
import { PropertyAssessmentCommands } from '../property-assessment-commands.js';
import type { PropertyAssessmentState } from '../property-assessment.state.js';

export class ConcludePropertyServiceAssessmentCommand extends Command<Written<PropertyAssessmentState>> {
  constructor(
    readonly data: { compoundId: string; quarter: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Concludes with the `appeal_satisfaction` criterion scored from the return visits of the compound's property
 * appeals in the quarter (workflow 5, tallied by the appeal-satisfaction workflow), when there are any.
 */
@CommandHandler(ConcludePropertyServiceAssessmentCommand)
export class ConcludePropertyServiceAssessmentHandler implements ICommandHandler<ConcludePropertyServiceAssessmentCommand> {
  constructor(
    @Inject(PropertyAssessmentCommands) private readonly assessments: PropertyAssessmentCommands,
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ data, context }: ConcludePropertyServiceAssessmentCommand): Promise<Written<PropertyAssessmentState>> {
    const appealSatisfaction = await appealSatisfactionTally(this.pool, data.compoundId, data.quarter);
    return this.assessments.run(data, context, (metadata) => ({ type: 'ConcludePropertyServiceAssessment', data: { ...data, appealSatisfaction }, metadata }));
  }
}
