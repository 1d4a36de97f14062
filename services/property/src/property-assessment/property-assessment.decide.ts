/**
 * Quarterly property-service assessment (物业服务考核) decisions. Pure; the rule is assessment-scheme.ts.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — opening the same assessment
 * again, scoring a criterion with the score it has, recording a veto item already recorded. A lifecycle
 * move in the wrong state is an InvalidStateError — scoring or vetoing a concluded assessment, concluding
 * twice, concluding with criteria unscored or before the quarter's last day. Opening under the same stream
 * for another company is AlreadyExistsError. A different score before conclusion corrects the earlier one.
 *
 *   open (scores, vetoes) ─conclude─▶ concluded (excellent | good | pass | fail)
 *
 * Dates are Asia/Shanghai: an assessment opens on or after the quarter's first day and concludes on or
 * after its last day.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  requireString,
  shanghaiDateOf,
  type CommandMetadata,
} from '@cogov/domain';
import { defaultAssessmentScheme, rate, requireQuarter, type AssessmentScheme } from './assessment-scheme.js';
import type {
  PropertyAssessmentEvent,
  PropertyServiceAssessmentConcluded,
  PropertyServiceAssessmentOpened,
  PropertyServiceAssessmentVetoed,
  PropertyServiceCriterionScored,
} from './property-assessment.events.js';
import { evolve, initialState, type PropertyAssessmentState } from './property-assessment.state.js';

export type OpenPropertyServiceAssessment = {
  type: 'OpenPropertyServiceAssessment';
  data: { compoundId: string; communityId: string; quarter: string; companyId: string };
  metadata: CommandMetadata;
};
export type ScorePropertyServiceCriterion = {
  type: 'ScorePropertyServiceCriterion';
  data: { compoundId: string; quarter: string; criterion: string; score: number };
  metadata: CommandMetadata;
};
export type VetoPropertyServiceAssessment = {
  type: 'VetoPropertyServiceAssessment';
  data: { compoundId: string; quarter: string; vetoItem: string; note: string };
  metadata: CommandMetadata;
};
export type ConcludePropertyServiceAssessment = {
  type: 'ConcludePropertyServiceAssessment';
  data: { compoundId: string; quarter: string };
  metadata: CommandMetadata;
};

export type PropertyAssessmentCommand =
  | OpenPropertyServiceAssessment
  | ScorePropertyServiceCriterion
  | VetoPropertyServiceAssessment
  | ConcludePropertyServiceAssessment;

type Open = Extract<PropertyAssessmentState, { status: 'open' }>;

function requireOpen(state: PropertyAssessmentState, compoundId: string, quarter: string, doing: string): Open {
  if (state.status === 'empty') throw new NotFoundError('property assessment', `${compoundId} ${quarter}`);
  if (state.status !== 'open') {
    throw new InvalidStateError(`the ${quarter} assessment of compound ${compoundId} is concluded; it cannot be ${doing}`);
  }
  return state;
}

const keyOf = (s: Open) => ({ compoundId: s.compoundId, communityId: s.communityId, quarter: s.quarter });

function open(
  { data, metadata }: OpenPropertyServiceAssessment,
  state: PropertyAssessmentState,
  scheme: AssessmentScheme,
): PropertyServiceAssessmentOpened[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const communityId = requireNonEmpty(data.communityId, 'communityId');
  const { quarter, firstDay } = requireQuarter(data.quarter, 'quarter');
  const companyId = requireNonEmpty(data.companyId, 'companyId');
  if (state.status !== 'empty') {
    if (state.communityId === communityId && state.companyId === companyId) return [];
    throw new AlreadyExistsError('property assessment', `${compoundId} ${quarter}`, 'opened for another company');
  }
  if (shanghaiDateOf(metadata.now) < firstDay) {
    throw new InvalidStateError(`quarter ${quarter} has not begun; it starts on ${firstDay}`);
  }
  return [
    { type: 'PropertyServiceAssessmentOpened', data: { compoundId, communityId, quarter, companyId, scheme, openedAt: metadata.now } },
  ];
}

function score({ data, metadata }: ScorePropertyServiceCriterion, state: PropertyAssessmentState): PropertyServiceCriterionScored[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const { quarter } = requireQuarter(data.quarter, 'quarter');
  const criterion = requireNonEmpty(data.criterion, 'criterion');
  const value = requireIntegerInRange(data.score, 'score', 0, 100);
  const assessment = requireOpen(state, compoundId, quarter, 'scored');
  requireOneOf(criterion, assessment.scheme.criteria.map((c) => c.criterion), 'criterion');
  if (assessment.scores[criterion] === value) return [];
  return [
    { type: 'PropertyServiceCriterionScored', data: { ...keyOf(assessment), criterion, score: value, scoredAt: metadata.now } },
  ];
}

function veto({ data, metadata }: VetoPropertyServiceAssessment, state: PropertyAssessmentState): PropertyServiceAssessmentVetoed[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const { quarter } = requireQuarter(data.quarter, 'quarter');
  const vetoItem = requireNonEmpty(data.vetoItem, 'vetoItem');
  const note = requireString(data.note, 'note');
  const assessment = requireOpen(state, compoundId, quarter, 'vetoed');
  requireOneOf(vetoItem, assessment.scheme.vetoItems, 'vetoItem');
  if (assessment.vetoItems.includes(vetoItem)) return [];
  return [{ type: 'PropertyServiceAssessmentVetoed', data: { ...keyOf(assessment), vetoItem, note, vetoedAt: metadata.now } }];
}

function conclude(
  { data, metadata }: ConcludePropertyServiceAssessment,
  state: PropertyAssessmentState,
): PropertyServiceAssessmentConcluded[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const { quarter, lastDay } = requireQuarter(data.quarter, 'quarter');
  const assessment = requireOpen(state, compoundId, quarter, 'concluded again');
  const missing = assessment.scheme.criteria.filter((c) => assessment.scores[c.criterion] === undefined).map((c) => c.criterion);
  if (missing.length > 0) throw new InvalidStateError(`criteria not yet scored: ${missing.join(', ')}`);
  if (shanghaiDateOf(metadata.now) < lastDay) {
    throw new InvalidStateError(`quarter ${quarter} is not over; conclude on or after ${lastDay}`);
  }
  const result = rate(assessment.scheme, assessment.scores, assessment.vetoItems);
  return [
    {
      type: 'PropertyServiceAssessmentConcluded',
      data: { ...keyOf(assessment), companyId: assessment.companyId, ...result, concludedAt: metadata.now },
    },
  ];
}

export function createPropertyAssessmentDecider(
  scheme: AssessmentScheme = defaultAssessmentScheme,
): Decider<PropertyAssessmentCommand, PropertyAssessmentEvent, PropertyAssessmentState> {
  const decide = (command: PropertyAssessmentCommand, state: PropertyAssessmentState): PropertyAssessmentEvent[] => {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'OpenPropertyServiceAssessment':
        return open({ ...command, metadata }, state, scheme);
      case 'ScorePropertyServiceCriterion':
        return score({ ...command, metadata }, state);
      case 'VetoPropertyServiceAssessment':
        return veto({ ...command, metadata }, state);
      case 'ConcludePropertyServiceAssessment':
        return conclude({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown property assessment command ${(command as { type: string }).type}`);
      }
    }
  };
  return { decide, evolve, initialState };
}

export const propertyAssessmentDecider = createPropertyAssessmentDecider();
