import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { requireQuarter } from '../../assessment-scheme.js';
import { PropertyServiceAssessmentType, assessmentFromRow } from '../../property-assessment.graphql.js';
import { AssessmentRow } from './assessment-register.entity.js';

@Resolver(() => PropertyServiceAssessmentType)
export class AssessmentRegisterResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => PropertyServiceAssessmentType)
  async assessment(
    @Args('compoundId', { type: () => ID }) compoundId: string,
    @Args('quarter') quarter: string,
    @CurrentActor() actor: Actor,
  ): Promise<PropertyServiceAssessmentType> {
    const key = { compoundId: requireUuid(compoundId, 'compoundId'), quarter: requireQuarter(quarter, 'quarter').quarter };
    const row = await this.readModels.em().findOne(AssessmentRow, key);
    if (!row) throw new NotFoundError('property assessment', `${key.compoundId} ${key.quarter}`);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`community ${row.communityId} is outside your jurisdiction`);
    }
    return assessmentFromRow(row);
  }
}
