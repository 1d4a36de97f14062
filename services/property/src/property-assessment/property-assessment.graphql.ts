import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AssessmentRow } from './projections/assessment-register/assessment-register.entity.js';

@ObjectType('AssessmentCriterionScore')
export class AssessmentCriterionScoreType {
  @Field() criterion!: string;
  @Field(() => Int, { description: 'Whole percent of the weighted score.' }) weight!: number;
  @Field(() => Int, { nullable: true, description: '0–100; null while not yet scored.' }) score!: number | null;
}

@ObjectType('PropertyServiceAssessment', { description: "A compound's quarterly property-service assessment (物业服务考核)." })
export class PropertyServiceAssessmentType {
  @Field(() => ID) compoundId!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'YYYY-Qn, an Asia/Shanghai calendar quarter.' }) quarter!: string;
  @Field(() => ID) companyId!: string;
  @Field({ description: 'open | concluded' }) status!: string;
  @Field(() => [AssessmentCriterionScoreType]) scores!: AssessmentCriterionScoreType[];
  @Field(() => [String]) vetoItems!: string[];
  @Field(() => String, { nullable: true, description: 'excellent | good | pass | fail, once concluded.' }) rating!: string | null;
  @Field(() => Int, { nullable: true, description: 'Hundredths of a point out of 100.' }) weightedScoreHundredths!: number | null;
  @Field(() => [String], { description: 'How the rating was reached, once concluded.' }) explanation!: string[];
}

export function assessmentFromRow(row: AssessmentRow): PropertyServiceAssessmentType {
  return {
    compoundId: row.compoundId,
    communityId: row.communityId,
    quarter: row.quarter,
    companyId: row.companyId,
    status: row.status,
    scores: row.scheme.criteria.map((c) => ({ criterion: c.criterion, weight: c.weight, score: row.scores[c.criterion] ?? null })),
    vetoItems: row.vetoItems,
    rating: row.rating,
    weightedScoreHundredths: row.weightedScoreHundredths,
    explanation: row.explanation ?? [],
  };
}
