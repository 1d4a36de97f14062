import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';
import type { AppealTier } from './appeal-deadlines.js';

/** Stream `appeal-<appealId>`. Event types and fields follow the residents event catalogue (v1). */

export const APPEAL_CHANNELS = ['hotline', 'visit', 'app', 'suggestion_box', 'grid_patrol'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

export const STAKEHOLDER_KINDS = [
  'residents_committee',
  'property_company',
  'organisation',
  'volunteer_team',
  'party_organisation',
  'street_office',
  'agency',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
export interface Stakeholder {
  kind: StakeholderKind;
  id: string;
}

export const SATISFACTION_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

export type AppealFiled = DomainEvent<
  'AppealFiled',
  {
    appealId: string;
    communityId: string;
    gridId: string | null;
    channel: AppealChannel;
    /** A configured category code, e.g. `utilities.water` (appeal-deadlines.ts). */
    category: string;
    /** Encrypted for subject = residentId when given, else appealId. */
    description: EncryptedField;
    location: string;
    householdId: string | null;
    residentId: string | null;
    filedAt: string;
  }
>;

export type AppealAccepted = DomainEvent<'AppealAccepted', { appealId: string; communityId: string; acceptedAt: string }>;

export type AppealDispatched = DomainEvent<
  'AppealDispatched',
  {
    appealId: string;
    communityId: string;
    stakeholder: Stakeholder;
    tier: AppealTier;
    /** dispatchedAt + the tier's duration, UTC ISO. */
    deadline: string;
    dispatchedAt: string;
  }
>;

export type AppealProgressNoted = DomainEvent<
  'AppealProgressNoted',
  { appealId: string; communityId: string; note: string; notedAt: string }
>;

export type AppealResolved = DomainEvent<
  'AppealResolved',
  { appealId: string; communityId: string; resolution: string; resolvedAt: string }
>;

export type AppealReturnVisited = DomainEvent<
  'AppealReturnVisited',
  { appealId: string; communityId: string; rating: SatisfactionRating; comment: string; visitedAt: string }
>;

export type AppealReopened = DomainEvent<
  'AppealReopened',
  { appealId: string; communityId: string; reason: string; reopenedAt: string }
>;

export type AppealEscalated = DomainEvent<
  'AppealEscalated',
  { appealId: string; communityId: string; streetId: string; deadline: string; escalatedAt: string }
>;

export type AppealEvent =
  | AppealFiled
  | AppealAccepted
  | AppealDispatched
  | AppealProgressNoted
  | AppealResolved
  | AppealReturnVisited
  | AppealReopened
  | AppealEscalated;

export const appealStreamId = (appealId: string): string => `appeal-${appealId}`;
