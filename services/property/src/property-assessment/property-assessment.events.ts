import type { DomainEvent } from '@cogov/eventsourcing';
import type { AssessmentRating, AssessmentScheme, CriterionScore } from './assessment-scheme.js';

/**
 * Stream `property-assessment-<compoundId>-<quarter>`: the one assessment of a compound's property service
 * in one Asia/Shanghai quarter (`2026-Q3`). The scheme in force is fixed when the assessment opens.
 */

interface Assessment {
  compoundId: string;
  communityId: string;
  quarter: string;
}

export type PropertyServiceAssessmentOpened = DomainEvent<
  'PropertyServiceAssessmentOpened',
  Assessment & { companyId: string; scheme: AssessmentScheme; openedAt: string }
>;

export type PropertyServiceCriterionScored = DomainEvent<
  'PropertyServiceCriterionScored',
  Assessment & { criterion: string; score: number; scoredAt: string }
>;

export type PropertyServiceAssessmentVetoed = DomainEvent<
  'PropertyServiceAssessmentVetoed',
  Assessment & { vetoItem: string; note: string; vetoedAt: string }
>;

export type PropertyServiceAssessmentConcluded = DomainEvent<
  'PropertyServiceAssessmentConcluded',
  Assessment & {
    companyId: string;
    scores: CriterionScore[];
    weightedScoreHundredths: number;
    vetoItems: string[];
    rating: AssessmentRating;
    explanation: string[];
    concludedAt: string;
  }
>;

export type PropertyAssessmentEvent =
  | PropertyServiceAssessmentOpened
  | PropertyServiceCriterionScored
  | PropertyServiceAssessmentVetoed
  | PropertyServiceAssessmentConcluded;

export const propertyAssessmentStreamId = (compoundId: string, quarter: string): string =>
  `property-assessment-${compoundId}-${quarter}`;
