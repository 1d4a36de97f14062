import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, type CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadModels, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { AssessmentRow } from './projections/assessment-register/assessment-register.entity.js';
import { propertyAssessmentDecider, type PropertyAssessmentCommand } from './property-assessment.decide.js';
import { propertyAssessmentStreamId } from './property-assessment.events.js';
import { assessmentFromRow, type PropertyServiceAssessmentType } from './property-assessment.graphql.js';
import type { PropertyAssessmentState } from './property-assessment.state.js';

/** Runs an assessment command inside the caller's jurisdiction and answers the assessment as registered. */
@Injectable()
export class PropertyAssessmentCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  run(
    key: { compoundId: string; quarter: string },
    context: CommandContext,
    command: (metadata: CommandMetadata) => PropertyAssessmentCommand,
    newCommunityId?: string,
  ): Promise<Written<PropertyAssessmentState>> {
    return this.executor.execute({
      streamId: propertyAssessmentStreamId(key.compoundId, key.quarter),
      decider: propertyAssessmentDecider,
      command,
      context,
      authorize: async (current) => {
        const communityId = current.status !== 'empty' ? current.communityId : newCommunityId;
        // An unknown assessment falls through to decide, which answers NOT_FOUND.
        if (communityId) await this.jurisdiction.assert(context.actor, { communityId });
      },
    });
  }

  async present({ state, checkpoint }: Written<PropertyAssessmentState>, mutation: string): Promise<PropertyServiceAssessmentType> {
    if (state.status === 'empty') throw new Error(`assessment missing after ${mutation}`);
    // The compound directory shows the latest rating: both read models must have the conclusion.
    await this.readYourWrites.waitFor(['assessment-register', 'compound-directory'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(AssessmentRow, { compoundId: state.compoundId, quarter: state.quarter });
    if (!row) throw new NotFoundError('property assessment', `${state.compoundId} ${state.quarter}`);
    return assessmentFromRow(row);
  }
}
