import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `pairing-<pairingId>`: one co-building pairing (结对共建) of an organisation with a community.
 * Money is integer fen (1 yuan = 100 fen). A month is an Asia/Shanghai calendar month `YYYY-MM`.
 */

/** The rating of a pairing review: 优秀 / 良好 / 合格 / 不合格. */
export const PAIRING_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type PairingRating = (typeof PAIRING_RATINGS)[number];

interface PairingRef {
  pairingId: string;
  organisationId: string;
  communityId: string;
}

export type CoBuildingPairingEstablished = DomainEvent<
  'CoBuildingPairingEstablished',
  PairingRef & { commitments: string[]; pledgedFen: number; establishedOn: string; establishedAt: string }
>;

export type PairingPledgeAmended = DomainEvent<
  'PairingPledgeAmended',
  PairingRef & { previousPledgedFen: number; pledgedFen: number; reason: string; amendedAt: string }
>;

export type PairingMonthlyThemeSet = DomainEvent<
  'PairingMonthlyThemeSet',
  PairingRef & { month: string; theme: string; setAt: string }
>;

export type PairingActivityHeld = DomainEvent<
  'PairingActivityHeld',
  PairingRef & {
    activityId: string;
    title: string;
    heldOn: string;
    /** `YYYY-MM` of heldOn, and that month's theme when one was set before the activity was recorded. */
    month: string;
    theme: string | null;
    place: string;
    staffCount: number;
    residentCount: number;
    /** Volunteers who served, so that their service hours can be recorded from this activity. */
    volunteerIds: string[];
    /** Whole minutes each listed volunteer served (1 to 1,440); null exactly when no volunteer is listed. */
    volunteerMinutes: number | null;
    recordedAt: string;
  }
>;

export type PairingSupportFundDisbursed = DomainEvent<
  'PairingSupportFundDisbursed',
  PairingRef & {
    disbursementId: string;
    amountFen: number;
    purpose: string;
    /** Running total after this disbursement, never above pledgedFen. */
    disbursedTotalFen: number;
    pledgedFen: number;
    disbursedAt: string;
  }
>;

export type PairingReviewed = DomainEvent<
  'PairingReviewed',
  PairingRef & { period: string; rating: PairingRating; comments: string; reviewedAt: string }
>;

export type PairingEnded = DomainEvent<
  'PairingEnded',
  PairingRef & { reason: string; pledgedFen: number; disbursedTotalFen: number; endedAt: string }
>;

export type PairingEvent =
  | CoBuildingPairingEstablished
  | PairingPledgeAmended
  | PairingMonthlyThemeSet
  | PairingActivityHeld
  | PairingSupportFundDisbursed
  | PairingReviewed
  | PairingEnded;

export const pairingStreamId = (pairingId: string): string => `pairing-${pairingId}`;
