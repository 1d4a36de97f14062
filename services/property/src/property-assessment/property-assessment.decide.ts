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
/** The return visits of the compound's property appeals in the quarter, as the appeal-satisfaction workflow tallied them. */
export interface AppealSatisfactionTally {
  visits: number;
  satisfied: number;
  basicallySatisfied: number;
}

export type ConcludePropertyServiceAssessment = {
  type: 'ConcludePropertyServiceAssessment';
  /**
   * With `appealSatisfaction` (visits > 0), the `appeal_satisfaction` criterion is scored from it — the rate of
   * satisfied and basically satisfied return visits, in whole percent — superseding an assessor's score.
   */
  data: { compoundId: string; quarter: string; appealSatisfaction?: AppealSatisfactionTally | null };
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

/** The criterion the appeal workflow supplies (assessment-scheme.ts). */
export const APPEAL_SATISFACTION_CRITERION = 'appeal_satisfaction';

/** Satisfied and basically satisfied return visits as a whole percentage (half up); null without visits. */
export function appealSatisfactionScore(tally: AppealSatisfactionTally | null | undefined): number | null {
  if (!tally || tally.visits <= 0) return null;
  const counted = tally.satisfied + tally.basicallySatisfied;
  if (![tally.visits, tally.satisfied, tally.basicallySatisfied].every((n) => Number.isSafeInteger(n) && n >= 0) || counted > tally.visits) {
    throw new ValidationError('appealSatisfaction', 'appealSatisfaction must count at most `visits` satisfied and basically satisfied visits');
  }
  return Math.floor((counted * 100 * 2 + tally.visits) / (tally.visits * 2));
}

function conclude(
  { data, metadata }: ConcludePropertyServiceAssessment,
  state: PropertyAssessmentState,
): (PropertyServiceCriterionScored | PropertyServiceAssessmentConcluded)[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const { quarter, lastDay } = requireQuarter(data.quarter, 'quarter');
  const assessment = requireOpen(state, compoundId, quarter, 'concluded again');
  const fromAppeals = assessment.scheme.criteria.some((c) => c.criterion === APPEAL_SATISFACTION_CRITERION) ? appealSatisfactionScore(data.appealSatisfaction) : null;
  const scores = fromAppeals === null ? assessment.scores : { ...assessment.scores, [APPEAL_SATISFACTION_CRITERION]: fromAppeals };
  const missing = assessment.scheme.criteria.filter((c) => scores[c.criterion] === undefined).map((c) => c.criterion);
  if (missing.length > 0) throw new InvalidStateError(`criteria not yet scored: ${missing.join(', ')}`);
  if (shanghaiDateOf(metadata.now) < lastDay) {
    throw new InvalidStateError(`quarter ${quarter} is not over; conclude on or after ${lastDay}`);
  }
  const result = rate(assessment.scheme, scores, assessment.vetoItems);
  const tally = data.appealSatisfaction;
  const source =
    fromAppeals !== null && tally
      ? `${APPEAL_SATISFACTION_CRITERION} ${fromAppeals} from ${tally.visits} return visits of the compound's property appeals in ${quarter}: ${tally.satisfied} satisfied + ${tally.basicallySatisfied} basically satisfied`
      : `${APPEAL_SATISFACTION_CRITERION} as scored by the assessor (no return visit of a property appeal in ${quarter})`;
  return [
    ...(fromAppeals === null
      ? []
      : [
          {
            type: 'PropertyServiceCriterionScored' as const,
            data: { ...keyOf(assessment), criterion: APPEAL_SATISFACTION_CRITERION, score: fromAppeals, scoredAt: metadata.now },
          },
        ]),
    {
      type: 'PropertyServiceAssessmentConcluded',
      data: { ...keyOf(assessment), companyId: assessment.companyId, ...result, explanation: [...result.explanation, source], concludedAt: metadata.now },
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
