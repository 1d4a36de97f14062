/**
 * Co-building pairing (结对共建) decisions. Pure; idempotency as in organisation.decide.ts: facts already
 * true are quiet ([]), a fact contradicting the record rejects, lifecycle moves reject outside their state.
 *
 *   established (active) ─end─▶ ended        (an ended pairing takes no further command)
 *
 * Invariants:
 * - the pledge is at least the policy minimum (pairing-policy.ts), in whole fen;
 * - disbursements never add up to more than the pledge: exactly the pledge is fine, one fen more rejects
 *   until the pledge is amended upwards; a pledge is never amended below what was already disbursed;
 * - a month's theme (每月一主题) may be replaced until an activity of that month is recorded; from then on
 *   the activities carry it, so it is fixed;
 * - activities are held on an Asia/Shanghai date between the establishment and today, with at least one
 *   participant (staff of the unit or residents); the volunteers they list served `volunteerMinutes` each
 *   (1 to 1,440, stated exactly when volunteers are listed), so that their hours can be recorded.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireCalendarDate,
  requireCalendarMonth,
  requireDistinctNonEmptyList,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireNonNegativeInteger,
  requireOneOf,
  requirePositiveInteger,
  requireString,
  shanghaiDateOf,
  ValidationError,
  sameFacts,
  type CommandMetadata,
} from '@cogov/domain';

import { defaultPairingPolicy, yuan, type PairingPolicy } from './pairing-policy.js';
import {
  PAIRING_RATINGS,
  type CoBuildingPairingEstablished,
  type PairingActivityHeld,
  type PairingEnded,
  type PairingEvent,
  type PairingMonthlyThemeSet,
  type PairingPledgeAmended,
  type PairingRating,
  type PairingReviewed,
  type PairingSupportFundDisbursed,
} from './pairing.events.js';
import { evolve, initialState, type ActivityFacts, type DisbursementFacts, type PairingState } from './pairing.state.js';

export type EstablishPairing = {
  type: 'EstablishPairing';
  data: { pairingId: string; organisationId: string; communityId: string; commitments: string[]; pledgedFen: number };
  metadata: CommandMetadata;
};

export type AmendPairingPledge = {
  type: 'AmendPairingPledge';
  data: { pairingId: string; pledgedFen: number; reason: string };
  metadata: CommandMetadata;
};

export type SetMonthlyTheme = {
  type: 'SetMonthlyTheme';
  data: { pairingId: string; month: string; theme: string };
  metadata: CommandMetadata;
};

export type RecordPairingActivity = {
  type: 'RecordPairingActivity';
  data: {
    pairingId: string;
    activityId: string;
    title: string;
    heldOn: string;
    place: string;
    staffCount: number;
    residentCount: number;
    volunteerIds: string[];
    /** How long each listed volunteer served, in whole minutes; null exactly when `volunteerIds` is empty. */
    volunteerMinutes: number | null;
  };
  metadata: CommandMetadata;
};

export type DisburseSupportFund = {
  type: 'DisburseSupportFund';
  data: { pairingId: string; disbursementId: string; amountFen: number; purpose: string };
  metadata: CommandMetadata;
};

export type ReviewPairing = {
  type: 'ReviewPairing';
  /** `period`: the year reviewed (`2026`), or a half (`2026-H1`) or quarter (`2026-Q3`) of it. */
  data: { pairingId: string; period: string; rating: PairingRating; comments: string };
  metadata: CommandMetadata;
};

export type EndPairing = { type: 'EndPairing'; data: { pairingId: string; reason: string }; metadata: CommandMetadata };

export type PairingCommand =
  | EstablishPairing
  | AmendPairingPledge
  | SetMonthlyTheme
  | RecordPairingActivity
  | DisburseSupportFund
  | ReviewPairing
  | EndPairing;

type Active = Extract<PairingState, { status: 'active' }>;

const REVIEW_PERIOD = /^\d{4}(-(H[12]|Q[1-4]))?$/;
const DAY_MINUTES = 24 * 60;

function requireActive(state: PairingState, pairingId: string, doing: string): Active {
  if (state.status === 'empty') throw new NotFoundError('pairing', pairingId);
  if (state.status === 'ended') throw new InvalidStateError(`pairing ${pairingId} has ended; it can no longer be ${doing}`);
  return state;
}

const ref = (pairing: Active) => ({
  pairingId: pairing.pairingId,
  organisationId: pairing.organisationId,
  communityId: pairing.communityId,
});

function requirePledge(value: unknown, policy: PairingPolicy): number {
  const pledgedFen = requireNonNegativeInteger(value, 'data.pledgedFen');
  if (pledgedFen < policy.minimumPledgeFen) {
    throw new ValidationError(
      'data.pledgedFen',
      `data.pledgedFen must be at least ${policy.minimumPledgeFen} fen (${yuan(policy.minimumPledgeFen)})`,
    );
  }
  return pledgedFen;
}

/** Quiet when established already with identical facts; AlreadyExistsError otherwise (also once ended). */
function establishPairing(
  { data, metadata }: EstablishPairing,
  state: PairingState,
  policy: PairingPolicy,
): CoBuildingPairingEstablished[] {
  const facts = {
    pairingId: requireNonEmpty(data.pairingId, 'data.pairingId'),
    organisationId: requireNonEmpty(data.organisationId, 'data.organisationId'),
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    commitments: requireDistinctNonEmptyList(data.commitments, 'data.commitments', 1),
    pledgedFen: requirePledge(data.pledgedFen, policy),
  };
  if (state.status !== 'empty') {
    if (sameFacts(state.establishment, facts)) return [];
    throw new AlreadyExistsError('pairing', facts.pairingId, `of organisation ${state.organisationId} with community ${state.communityId}`);
  }
  return [
    {
      type: 'CoBuildingPairingEstablished',
      data: { ...facts, establishedOn: shanghaiDateOf(metadata.now), establishedAt: metadata.now },
    },
  ];
}

/** Quiet when the pledge already has this amount. Never below the minimum, nor below what was disbursed. */
function amendPledge(
  { data, metadata }: AmendPairingPledge,
  state: PairingState,
  policy: PairingPolicy,
): PairingPledgeAmended[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const pledgedFen = requirePledge(data.pledgedFen, policy);
  const reason = requireNonEmpty(data.reason, 'data.reason');
  const pairing = requireActive(state, pairingId, 'amended');
  if (pledgedFen === pairing.pledgedFen) return [];
  if (pledgedFen < pairing.disbursedTotalFen) {
    throw new InvalidStateError(
      `pairing ${pairingId} has disbursed ${pairing.disbursedTotalFen} fen already; the pledge cannot fall below it`,
    );
  }
  return [
    {
      type: 'PairingPledgeAmended',
      data: { ...ref(pairing), previousPledgedFen: pairing.pledgedFen, pledgedFen, reason, amendedAt: metadata.now },
    },
  ];
}

/** Quiet when the month has this theme already. Another theme replaces it until the month has an activity. */
function setMonthlyTheme({ data, metadata }: SetMonthlyTheme, state: PairingState): PairingMonthlyThemeSet[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const month = requireCalendarMonth(data.month, 'data.month');
  const theme = requireNonEmpty(data.theme, 'data.theme').trim();
  const pairing = requireActive(state, pairingId, 'given a theme');
  const current = pairing.themes[month];
  if (current === theme) return [];
  if (current !== undefined && pairing.monthsWithActivities.includes(month)) {
    throw new InvalidStateError(
      `pairing ${pairingId} already held activities under the theme ${current} in ${month}; the theme is fixed`,
    );
  }
  return [{ type: 'PairingMonthlyThemeSet', data: { ...ref(pairing), month, theme, setAt: metadata.now } }];
}

/**
 * Quiet when this activity id was recorded with identical facts; AlreadyExistsError when with others. The
 * activity carries its month's theme as it stands (null when none was set).
 */
function recordActivity({ data, metadata }: RecordPairingActivity, state: PairingState): PairingActivityHeld[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const activityId = requireNonEmpty(data.activityId, 'data.activityId');
  const title = requireNonEmpty(data.title, 'data.title').trim();
  const heldOn = requireCalendarDate(data.heldOn, 'data.heldOn');
  const place = requireNonEmpty(data.place, 'data.place').trim();
  const staffCount = requireNonNegativeInteger(data.staffCount, 'data.staffCount');
  const residentCount = requireNonNegativeInteger(data.residentCount, 'data.residentCount');
  const volunteerIds = requireDistinctNonEmptyList(data.volunteerIds, 'data.volunteerIds');
  let volunteerMinutes: number | null = null;
  if (volunteerIds.length > 0) volunteerMinutes = requireIntegerInRange(data.volunteerMinutes, 'data.volunteerMinutes', 1, DAY_MINUTES);
  else if (data.volunteerMinutes != null) {
    throw new ValidationError('data.volunteerMinutes', 'data.volunteerMinutes must be null when no volunteer is listed');
  }
  if (staffCount + residentCount === 0) {
    throw new ValidationError('data.staffCount', 'data.staffCount and data.residentCount must not both be 0');
  }
  const today = shanghaiDateOf(metadata.now);
  if (heldOn > today) throw new ValidationError('data.heldOn', `data.heldOn must not be after today (${today})`);
  const pairing = requireActive(state, pairingId, 'given activities');
  if (heldOn < pairing.establishedOn) {
    throw new ValidationError('data.heldOn', `data.heldOn must not be before the pairing was established (${pairing.establishedOn})`);
  }
  const facts: ActivityFacts = { ...ref(pairing), activityId, title, heldOn, place, staffCount, residentCount, volunteerIds, volunteerMinutes };
  const recorded = pairing.activities[activityId];
  if (recorded !== undefined) {
    if (sameFacts(recorded, facts)) return [];
    throw new AlreadyExistsError('pairing activity', activityId, `recorded as ${recorded.title} on ${recorded.heldOn}`);
  }
  const month = heldOn.slice(0, 7);
  return [
    {
      type: 'PairingActivityHeld',
      data: { ...facts, month, theme: pairing.themes[month] ?? null, recordedAt: metadata.now },
    },
  ];
}

/**
 * Quiet when this disbursement id was recorded with identical facts; AlreadyExistsError when with others.
 * InvalidStateError when it would take the total above the pledge.
 */
function disburse({ data, metadata }: DisburseSupportFund, state: PairingState): PairingSupportFundDisbursed[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const disbursementId = requireNonEmpty(data.disbursementId, 'data.disbursementId');
  const amountFen = requirePositiveInteger(data.amountFen, 'data.amountFen');
  const purpose = requireNonEmpty(data.purpose, 'data.purpose').trim();
  const pairing = requireActive(state, pairingId, 'disbursed from');
  const facts: DisbursementFacts = { ...ref(pairing), disbursementId, amountFen, purpose };
  const recorded = pairing.disbursements[disbursementId];
  if (recorded !== undefined) {
    if (sameFacts(recorded, facts)) return [];
    throw new AlreadyExistsError('disbursement', disbursementId, `recorded as ${recorded.amountFen} fen`);
  }
  const disbursedTotalFen = pairing.disbursedTotalFen + amountFen;
  if (disbursedTotalFen > pairing.pledgedFen) {
    throw new InvalidStateError(
      `pairing ${pairingId} pledged ${pairing.pledgedFen} fen and disbursed ${pairing.disbursedTotalFen}; ` +
        `${amountFen} more would exceed the pledge (amend the pledge first)`,
    );
  }
  return [
    {
      type: 'PairingSupportFundDisbursed',
      data: { ...facts, disbursedTotalFen, pledgedFen: pairing.pledgedFen, disbursedAt: metadata.now },
    },
  ];
}

/**
 * One review per period: quiet when the period was reviewed with the same rating and comments,
 * AlreadyExistsError when with others. An ended pairing can still be given its final review.
 */
function reviewPairing({ data, metadata }: ReviewPairing, state: PairingState): PairingReviewed[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const period = requireNonEmpty(data.period, 'data.period');
  if (!REVIEW_PERIOD.test(period)) {
    throw new ValidationError('data.period', 'data.period must be a year (2026), a half (2026-H1) or a quarter (2026-Q3)');
  }
  const rating = requireOneOf(data.rating, PAIRING_RATINGS, 'data.rating');
  const comments = requireString(data.comments, 'data.comments').trim();
  if (state.status === 'empty') throw new NotFoundError('pairing', pairingId);
  const year = Number(period.slice(0, 4));
  if (year < Number(state.establishedOn.slice(0, 4)) || year > Number(shanghaiDateOf(metadata.now).slice(0, 4))) {
    throw new ValidationError('data.period', `data.period must lie between the establishment (${state.establishedOn}) and today`);
  }
  const recorded = state.reviews[period];
  if (recorded !== undefined) {
    if (recorded.rating === rating && recorded.comments === comments) return [];
    throw new AlreadyExistsError('pairing review', `${pairingId}/${period}`, `rated ${recorded.rating}`);
  }
  const { pairingId: id, organisationId, communityId } = state;
  return [
    { type: 'PairingReviewed', data: { pairingId: id, organisationId, communityId, period, rating, comments, reviewedAt: metadata.now } },
  ];
}

/** Lifecycle: only an active pairing ends; ending twice is InvalidStateError. */
function endPairing({ data, metadata }: EndPairing, state: PairingState): PairingEnded[] {
  const pairingId = requireNonEmpty(data.pairingId, 'data.pairingId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const pairing = requireActive(state, pairingId, 'ended');
  return [
    {
      type: 'PairingEnded',
      data: {
        ...ref(pairing),
        reason,
        pledgedFen: pairing.pledgedFen,
        disbursedTotalFen: pairing.disbursedTotalFen,
        endedAt: metadata.now,
      },
    },
  ];
}

export function createPairingDecider(
  policy: PairingPolicy = defaultPairingPolicy,
): Decider<PairingCommand, PairingEvent, PairingState> {
  const decide = (command: PairingCommand, state: PairingState): PairingEvent[] => {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'EstablishPairing':
        return establishPairing({ ...command, metadata }, state, policy);
      case 'AmendPairingPledge':
        return amendPledge({ ...command, metadata }, state, policy);
      case 'SetMonthlyTheme':
        return setMonthlyTheme({ ...command, metadata }, state);
      case 'RecordPairingActivity':
        return recordActivity({ ...command, metadata }, state);
      case 'DisburseSupportFund':
        return disburse({ ...command, metadata }, state);
      case 'ReviewPairing':
        return reviewPairing({ ...command, metadata }, state);
      case 'EndPairing':
        return endPairing({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown pairing command ${(command as { type: string }).type}`);
      }
    }
  };
  return { decide, evolve, initialState };
}

export const pairingDecider = createPairingDecider();
export const decide = pairingDecider.decide;
