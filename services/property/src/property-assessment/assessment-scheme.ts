/**
 * The quarterly property-service assessment rule, as configuration (a street or district publishes its
 * own criteria). Pure and exact: scores are integers, the weighted total is in hundredths of a point.
 *
 * Rule (default): each criterion is scored 0–100 and weighted; weights are whole percentages summing to
 * 100, so the weighted score Σ score × weight is 0–10000 hundredths of a point out of 100. At or above 90
 * points (9000) excellent, 80 good, 60 pass, else fail. Any veto item (一票否决) recorded → fail, whatever
 * the score. One criterion, `appeal_satisfaction`, is the quarter's satisfaction rate of property appeals
 * (满意率) as a whole percentage, supplied by the appeal workflow rather than typed in by an assessor.
 *
 * A quarter is an Asia/Shanghai calendar quarter, `YYYY-Qn`.
 */
import { ValidationError } from '@cogov/domain';

export const ASSESSMENT_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

export interface AssessmentCriterion {
  readonly criterion: string;
  /** Whole percent; all weights sum to 100. */
  readonly weight: number;
}

export interface AssessmentScheme {
  readonly criteria: readonly AssessmentCriterion[];
  readonly vetoItems: readonly string[];
  /** Lower bounds in whole points (of 100): excellent > good > pass. */
  readonly bands: { readonly excellent: number; readonly good: number; readonly pass: number };
}

export const defaultAssessmentScheme: AssessmentScheme = Object.freeze({
  criteria: Object.freeze([
    { criterion: 'cleaning', weight: 15 },
    { criterion: 'security', weight: 15 },
    { criterion: 'maintenance', weight: 20 },
    { criterion: 'greening', weight: 10 },
    { criterion: 'parking_order', weight: 10 },
    { criterion: 'fee_transparency', weight: 10 },
    { criterion: 'appeal_satisfaction', weight: 20 },
  ]),
  vetoItems: Object.freeze(['major_safety_incident', 'mass_incident']),
  bands: Object.freeze({ excellent: 90, good: 80, pass: 60 }),
});

const NAME = /^[a-z][a-z0-9_]*$/;

/** A scheme from configuration; a bad one throws a RangeError at start-up. */
export function createAssessmentScheme(config: Partial<AssessmentScheme> = {}): AssessmentScheme {
  const scheme = { ...defaultAssessmentScheme, ...config };
  const names = scheme.criteria.map((c) => c.criterion);
  if (scheme.criteria.length === 0 || new Set(names).size !== names.length || !names.every((n) => NAME.test(n))) {
    throw new RangeError('assessment scheme: criteria must be distinct snake_case names, at least one');
  }
  if (!scheme.criteria.every((c) => Number.isSafeInteger(c.weight) && c.weight > 0)) {
    throw new RangeError('assessment scheme: weights must be positive whole percentages');
  }
  if (scheme.criteria.reduce((sum, c) => sum + c.weight, 0) !== 100) {
    throw new RangeError('assessment scheme: weights must sum to 100');
  }
  if (new Set(scheme.vetoItems).size !== scheme.vetoItems.length || !scheme.vetoItems.every((n) => NAME.test(n))) {
    throw new RangeError('assessment scheme: veto items must be distinct snake_case names');
  }
  const { excellent, good, pass } = scheme.bands;
  if (![excellent, good, pass].every(Number.isSafeInteger) || !(100 >= excellent && excellent > good && good > pass && pass > 0)) {
    throw new RangeError('assessment scheme: bands must be whole points with 100 ≥ excellent > good > pass > 0');
  }
  return Object.freeze({
    criteria: Object.freeze(scheme.criteria.map((c) => Object.freeze({ criterion: c.criterion, weight: c.weight }))),
    vetoItems: Object.freeze([...scheme.vetoItems]),
    bands: Object.freeze({ excellent, good, pass }),
  });
}

export interface CriterionScore {
  readonly criterion: string;
  readonly weight: number;
  readonly score: number;
}

export interface AssessmentResult {
  readonly scores: CriterionScore[];
  /** Σ score × weight: hundredths of a point out of 100 (8650 is 86.50 points). */
  readonly weightedScoreHundredths: number;
  readonly vetoItems: string[];
  readonly rating: AssessmentRating;
  readonly explanation: string[];
}

const points = (hundredths: number) => `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

/** Rates complete scores (every criterion of the scheme) and the veto items recorded. */
export function rate(
  scheme: AssessmentScheme,
  scores: Readonly<Record<string, number>>,
  vetoItems: readonly string[],
): AssessmentResult {
  const scored = scheme.criteria.map((c) => {
    const score = scores[c.criterion];
    if (score === undefined) throw new RangeError(`criterion ${c.criterion} is not scored`);
    return { criterion: c.criterion, weight: c.weight, score };
  });
  const total = scored.reduce((sum, c) => sum + c.score * c.weight, 0);
  const { excellent, good, pass } = scheme.bands;
  const byScore: AssessmentRating =
    total >= excellent * 100 ? 'excellent' : total >= good * 100 ? 'good' : total >= pass * 100 ? 'pass' : 'fail';
  const rating = vetoItems.length > 0 ? 'fail' : byScore;
  return {
    scores: scored,
    weightedScoreHundredths: total,
    vetoItems: [...vetoItems],
    rating,
    explanation: [
      `weighted score ${points(total)} of 100 (${scored.map((c) => `${c.criterion} ${c.score}×${c.weight}%`).join(', ')})`,
      `bands: excellent ≥ ${excellent}, good ≥ ${good}, pass ≥ ${pass}, else fail → ${byScore}`,
      vetoItems.length > 0 ? `veto: ${vetoItems.join(', ')} → fail` : 'no veto item',
    ],
  };
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A quarter `YYYY-Qn`, with its first and last Asia/Shanghai calendar dates. */
export function requireQuarter(value: unknown, field: string): { quarter: string; firstDay: string; lastDay: string } {
  const match = typeof value === 'string' ? QUARTER.exec(value) : null;
  if (!match) throw new ValidationError(field, `${field} must be a quarter such as 2026-Q3`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const firstMonth = (q - 1) * 3; // 0-based
  const firstDay = new Date(Date.UTC(year, firstMonth, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(year, firstMonth + 3, 0)).toISOString().slice(0, 10);
  return { quarter: value as string, firstDay, lastDay };
}
