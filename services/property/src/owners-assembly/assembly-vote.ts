/**
 * The owners' assembly arithmetic of Civil Code art. 278 (民法典第二百七十八条), pure and exact.
 *
 * Art. 278 para. 2: a vote is valid only if owners holding at least 2/3 of the exclusive floor area AND
 * at least 2/3 of the owners take part (参与表决). Ordinary matters (rules, electing the owners' committee,
 * hiring the property company …) need more than half of the participating area AND of the participating
 * owners; the special matters of items (6)–(8) (maintenance fund, rebuilding, change of use of common
 * parts) need at least 3/4 of both. "以上" includes the number itself (art. 1259), so 2/3 and 3/4 are ≥,
 * while "过半数" is strictly more than half.
 *
 * Area is counted in integer hundredths of a square metre (0.01 m², the precision of the property
 * register): per the Supreme People's Court interpretation on building distinct ownership (法释〔2009〕7号,
 * revised 2020) art. 8, the registered area, else the surveyed area, else the area in the sale contract —
 * the roll carries whichever applies. Fractions are compared by cross-multiplication in bigint: a/b ≥ n/d
 * ⇔ a·d ≥ n·b, so no float ever decides a vote.
 *
 * Headcount, default `per_owner`: the same interpretation, art. 9, counts one person per exclusive unit,
 * but the developer's unsold units, and several units held by one buyer, count as one person — so the
 * default counts distinct owners on the roll (the developer is one owner id). `per_unit` (one per unit,
 * regardless of who holds it) is available where a city's rules say so. Cities also set the thresholds:
 * they are configuration, snapshotted into the assembly when it is convened so a count is replayable.
 */

export interface Threshold {
  readonly numerator: number;
  readonly denominator: number;
  /** true: at least the fraction (以上); false: strictly more than it (过半数). */
  readonly inclusive: boolean;
}

export const HEADCOUNT_RULES = ['per_owner', 'per_unit'] as const;
export type HeadcountRule = (typeof HEADCOUNT_RULES)[number];

export const THRESHOLD_CLASSES = ['ordinary', 'special'] as const;
export type ThresholdClass = (typeof THRESHOLD_CLASSES)[number];

export interface VoteRule {
  readonly participation: Threshold;
  readonly ordinary: Threshold;
  readonly special: Threshold;
  readonly headcount: HeadcountRule;
}

export const civilCodeArt278Rule: VoteRule = Object.freeze({
  participation: Object.freeze({ numerator: 2, denominator: 3, inclusive: true }),
  ordinary: Object.freeze({ numerator: 1, denominator: 2, inclusive: false }),
  special: Object.freeze({ numerator: 3, denominator: 4, inclusive: true }),
  headcount: 'per_owner' as HeadcountRule,
});

/**
 * A rule from configuration; what it does not name keeps the art. 278 value. A city may only be stricter
 * in spirit, but the code checks only that each threshold is a proper fraction in (0, 1]: a bad
 * configuration throws a RangeError at start-up.
 */
export function createVoteRule(config: Partial<VoteRule> = {}): VoteRule {
  const rule = { ...civilCodeArt278Rule, ...config };
  for (const name of ['participation', 'ordinary', 'special'] as const) {
    const { numerator, denominator, inclusive } = rule[name];
    if (
      !Number.isSafeInteger(numerator) ||
      !Number.isSafeInteger(denominator) ||
      numerator <= 0 ||
      denominator <= 0 ||
      numerator > denominator ||
      typeof inclusive !== 'boolean'
    ) {
      throw new RangeError(`owners' assembly rule: ${name} must be a fraction n/d with 0 < n ≤ d`);
    }
  }
  if (!(HEADCOUNT_RULES as readonly string[]).includes(rule.headcount)) {
    throw new RangeError(`owners' assembly rule: headcount must be one of ${HEADCOUNT_RULES.join(', ')}`);
  }
  return Object.freeze({
    participation: Object.freeze({ ...rule.participation }),
    ordinary: Object.freeze({ ...rule.ordinary }),
    special: Object.freeze({ ...rule.special }),
    headcount: rule.headcount,
  });
}

/** part/whole meets the threshold, decided in integers. An empty whole meets nothing. */
export function meets(part: number, whole: number, threshold: Threshold): boolean {
  if (whole <= 0) return false;
  const left = BigInt(part) * BigInt(threshold.denominator);
  const right = BigInt(threshold.numerator) * BigInt(whole);
  return threshold.inclusive ? left >= right : left > right;
}

export const describeThreshold = (t: Threshold): string => `${t.inclusive ? '≥' : '>'} ${t.numerator}/${t.denominator}`;

export interface RollEntry {
  readonly unitId: string;
  readonly ownerId: string;
  /** Exclusive floor area in hundredths of a square metre. */
  readonly areaHundredthM2: number;
}

/** Area and headcount of a set of units. */
export interface Weight {
  readonly areaHundredthM2: number;
  readonly owners: number;
  readonly units: number;
}

export function weigh(entries: readonly RollEntry[], headcount: HeadcountRule): Weight {
  return {
    areaHundredthM2: entries.reduce((sum, e) => sum + e.areaHundredthM2, 0),
    owners: headcount === 'per_unit' ? entries.length : new Set(entries.map((e) => e.ownerId)).size,
    units: entries.length,
  };
}

export interface ThresholdTest {
  readonly part: Weight;
  readonly whole: Weight;
  readonly threshold: Threshold;
  readonly areaMet: boolean;
  readonly ownersMet: boolean;
  /** Both area and headcount met. */
  readonly met: boolean;
}

export function checkThreshold(part: Weight, whole: Weight, threshold: Threshold): ThresholdTest {
  const areaMet = meets(part.areaHundredthM2, whole.areaHundredthM2, threshold);
  const ownersMet = meets(part.owners, whole.owners, threshold);
  return { part, whole, threshold, areaMet, ownersMet, met: areaMet && ownersMet };
}

const m2 = (hundredths: number): string => `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} m²`;

/** "turnout: area 6666.67 m² of 10000.00 m² ≥ 2/3 met; owners 66 of 100 ≥ 2/3 not met". */
export function explain(label: string, t: ThresholdTest): string {
  const said = (met: boolean) => (met ? 'met' : 'not met');
  return (
    `${label}: area ${m2(t.part.areaHundredthM2)} of ${m2(t.whole.areaHundredthM2)} ${describeThreshold(t.threshold)} ` +
    `${said(t.areaMet)}; owners ${t.part.owners} of ${t.whole.owners} ${describeThreshold(t.threshold)} ${said(t.ownersMet)}`
  );
}

/** The turnout test: participating units against the whole roll. */
export function turnout(roll: readonly RollEntry[], participating: readonly RollEntry[], rule: VoteRule): ThresholdTest {
  return checkThreshold(weigh(participating, rule.headcount), weigh(roll, rule.headcount), rule.participation);
}

/** The decision test: approving units against the participating ones, by the matter's class. */
export function decision(
  participating: readonly RollEntry[],
  approving: readonly RollEntry[],
  rule: VoteRule,
  thresholdClass: ThresholdClass,
): ThresholdTest {
  return checkThreshold(weigh(approving, rule.headcount), weigh(participating, rule.headcount), rule[thresholdClass]);
}

export const MOTION_CHOICES = ['for', 'against', 'abstain'] as const;
export type MotionChoice = (typeof MOTION_CHOICES)[number];

/**
 * `invalid_turnout`: too few took part, nothing was decided; otherwise the decision test says. An
 * abstaining unit took part (参与表决) but did not agree, so it weighs against adoption.
 */
export type MotionOutcome = 'adopted' | 'rejected' | 'invalid_turnout';

export interface MotionCount {
  readonly roll: Weight;
  readonly tally: { readonly for: Weight; readonly against: Weight; readonly abstain: Weight };
  readonly turnout: ThresholdTest;
  readonly decision: ThresholdTest;
  readonly outcome: MotionOutcome;
  readonly explanation: string[];
}

export function countMotion(
  roll: readonly RollEntry[],
  ballots: ReadonlyMap<string, MotionChoice>,
  rule: VoteRule,
  thresholdClass: ThresholdClass,
): MotionCount {
  const participating = roll.filter((e) => ballots.has(e.unitId));
  const voting = (choice: MotionChoice) => participating.filter((e) => ballots.get(e.unitId) === choice);
  const turnoutTest = turnout(roll, participating, rule);
  const decisionTest = decision(participating, voting('for'), rule, thresholdClass);
  const outcome: MotionOutcome = !turnoutTest.met ? 'invalid_turnout' : decisionTest.met ? 'adopted' : 'rejected';
  return {
    roll: weigh(roll, rule.headcount),
    tally: {
      for: weigh(voting('for'), rule.headcount),
      against: weigh(voting('against'), rule.headcount),
      abstain: weigh(voting('abstain'), rule.headcount),
    },
    turnout: turnoutTest,
    decision: decisionTest,
    outcome,
    explanation: [
      explain('turnout', turnoutTest),
      explain(`${thresholdClass} decision (in favour of participants)`, decisionTest),
      `outcome: ${outcome} (headcount ${rule.headcount})`,
    ],
  };
}

export interface CandidateCount {
  readonly candidateId: string;
  readonly decision: ThresholdTest;
}

/**
 * `elected`: every seat filled; `partially_elected`: some seats filled (a by-election fills the rest);
 * `none_elected`: turnout valid but nobody reached the threshold; `invalid_turnout`: nothing was decided.
 */
export type ElectionOutcome = 'elected' | 'partially_elected' | 'none_elected' | 'invalid_turnout';

export interface ElectionCount {
  readonly roll: Weight;
  readonly turnout: ThresholdTest;
  readonly candidates: CandidateCount[];
  readonly elected: string[];
  /** Candidates who passed but tie for the last seat(s): none of them is elected, a run-off decides. */
  readonly tiedForLastSeat: string[];
  readonly outcome: ElectionOutcome;
  readonly explanation: string[];
}

/**
 * Each candidate is elected individually by the ordinary rule (more than half of the participating area
 * and owners approve: art. 278 item (3) is an ordinary matter). If more pass than there are seats, the
 * passing candidates rank by approving owners, then approving area; a tie across the last seat elects
 * none of the tied candidates rather than picking one arbitrarily.
 */
export function countElection(
  roll: readonly RollEntry[],
  ballots: ReadonlyMap<string, readonly string[]>,
  candidateIds: readonly string[],
  seats: number,
  rule: VoteRule,
): ElectionCount {
  const participating = roll.filter((e) => ballots.has(e.unitId));
  const turnoutTest = turnout(roll, participating, rule);
  const candidates = candidateIds.map((candidateId) => ({
    candidateId,
    decision: decision(
      participating,
      participating.filter((e) => ballots.get(e.unitId)!.includes(candidateId)),
      rule,
      'ordinary',
    ),
  }));
  const passed = turnoutTest.met
    ? candidates
        .filter((c) => c.decision.met)
        .sort(
          (a, b) =>
            b.decision.part.owners - a.decision.part.owners ||
            b.decision.part.areaHundredthM2 - a.decision.part.areaHundredthM2,
        )
    : [];
  let elected = passed.map((c) => c.candidateId);
  let tiedForLastSeat: string[] = [];
  if (passed.length > seats) {
    const last = passed[seats - 1]!.decision.part;
    const tied = (c: CandidateCount) =>
      c.decision.part.owners === last.owners && c.decision.part.areaHundredthM2 === last.areaHundredthM2;
    if (tied(passed[seats]!)) {
      elected = passed.filter((c, i) => i < seats && !tied(c)).map((c) => c.candidateId);
      tiedForLastSeat = passed.filter(tied).map((c) => c.candidateId);
    } else {
      elected = elected.slice(0, seats);
    }
  }
  const outcome: ElectionOutcome = !turnoutTest.met
    ? 'invalid_turnout'
    : elected.length === seats
      ? 'elected'
      : elected.length > 0
        ? 'partially_elected'
        : 'none_elected';
  return {
    roll: weigh(roll, rule.headcount),
    turnout: turnoutTest,
    candidates,
    elected,
    tiedForLastSeat,
    outcome,
    explanation: [
      explain('turnout', turnoutTest),
      ...candidates.map((c) => explain(`candidate ${c.candidateId} (ordinary decision)`, c.decision)),
      `outcome: ${outcome}, ${elected.length} of ${seats} seats filled` +
        (tiedForLastSeat.length > 0 ? `, tie for the last seat between ${tiedForLastSeat.join(', ')}` : '') +
        ` (headcount ${rule.headcount})`,
    ],
  };
}

/** What an assembly decides (art. 278 para. 1): items (1)–(5) and (9) ordinary, (6)–(8) special by default. */
export const ASSEMBLY_MATTERS = [
  'committee_election',
  'procedural_rules',
  'management_rules',
  'property_company_appointment',
  'maintenance_fund',
  'rebuilding',
  'change_of_use',
  'other_major_matter',
] as const;
export type AssemblyMatter = (typeof ASSEMBLY_MATTERS)[number];

export interface AssemblyPolicy {
  readonly rule: VoteRule;
  /** Matters decided by the special threshold; every other matter is ordinary. */
  readonly specialMatters: readonly AssemblyMatter[];
}

export const defaultAssemblyPolicy: AssemblyPolicy = Object.freeze({
  rule: civilCodeArt278Rule,
  specialMatters: Object.freeze(['maintenance_fund', 'rebuilding', 'change_of_use'] as AssemblyMatter[]),
});

/** A committee is always elected by the ordinary rule: a city cannot make its election special here. */
export function createAssemblyPolicy(config: { rule?: Partial<VoteRule>; specialMatters?: readonly string[] } = {}): AssemblyPolicy {
  const specialMatters = config.specialMatters ?? defaultAssemblyPolicy.specialMatters;
  for (const matter of specialMatters) {
    if (!(ASSEMBLY_MATTERS as readonly string[]).includes(matter) || matter === 'committee_election') {
      throw new RangeError(`owners' assembly policy: ${matter} cannot be a special matter`);
    }
  }
  return Object.freeze({
    rule: createVoteRule(config.rule),
    specialMatters: Object.freeze([...(specialMatters as AssemblyMatter[])]),
  });
}

export const thresholdClassOf = (policy: AssemblyPolicy, matter: AssemblyMatter): ThresholdClass =>
  policy.specialMatters.includes(matter) ? 'special' : 'ordinary';
