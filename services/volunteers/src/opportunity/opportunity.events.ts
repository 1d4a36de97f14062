import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `opportunity-<opportunityId>`: a service opportunity (服务项目/活动) with its capacity and every
 * volunteer's sign-up, attendance and verified hours — one stream, so sign-ups can never pass capacity.
 * The verified hours are then entered in each volunteer's hours ledger (hours-ledger).
 */

export const OPPORTUNITY_SOURCE_KINDS = ['appeal', 'pairing_activity', 'party_activity', 'standalone'] as const;
export type OpportunitySourceKind = (typeof OPPORTUNITY_SOURCE_KINDS)[number];
/** Where the opportunity comes from; `id` is null exactly for `standalone`. */
export interface OpportunitySource {
  kind: OpportunitySourceKind;
  id: string | null;
}

interface OpportunityRef {
  opportunityId: string;
  communityId: string;
}

export type ServiceOpportunityPublished = DomainEvent<
  'ServiceOpportunityPublished',
  OpportunityRef & {
    source: OpportunitySource;
    teamId: string | null;
    title: string;
    content: string;
    place: string;
    organisingUnit: string;
    personInChargeId: string;
    /** Encrypted for subject = personInChargeId. */
    personInChargeName: EncryptedField;
    startsAt: string;
    endsAt: string;
    capacity: number;
    publishedAt: string;
  }
>;

export type VolunteerSignedUp = DomainEvent<
  'VolunteerSignedUp',
  OpportunityRef & { volunteerId: string; signedUpCount: number; capacity: number; signedUpAt: string }
>;

export type VolunteerWithdrewFromOpportunity = DomainEvent<
  'VolunteerWithdrewFromOpportunity',
  OpportunityRef & { volunteerId: string; reason: string; withdrewAt: string }
>;

export type VolunteerCheckedIn = DomainEvent<
  'VolunteerCheckedIn',
  OpportunityRef & { volunteerId: string; checkedInAt: string }
>;

export type VolunteerCheckedOut = DomainEvent<
  'VolunteerCheckedOut',
  OpportunityRef & { volunteerId: string; checkedInAt: string; checkedOutAt: string; minutesPresent: number }
>;

export type OpportunityServiceHoursVerified = DomainEvent<
  'OpportunityServiceHoursVerified',
  OpportunityRef & {
    volunteerId: string;
    /** Asia/Shanghai date of the check-in. */
    servedOn: string;
    /** Minutes actually served, at most the minutes present. */
    servedMinutes: number;
    verifiedBy: string;
    verifiedAt: string;
  }
>;

export type ServiceOpportunityCancelled = DomainEvent<
  'ServiceOpportunityCancelled',
  OpportunityRef & { reason: string; cancelledAt: string }
>;

export type ServiceOpportunityCompleted = DomainEvent<
  'ServiceOpportunityCompleted',
  OpportunityRef & { source: OpportunitySource; verifiedVolunteers: number; servedMinutes: number; completedAt: string }
>;

export type OpportunityEvent =
  | ServiceOpportunityPublished
  | VolunteerSignedUp
  | VolunteerWithdrewFromOpportunity
  | VolunteerCheckedIn
  | VolunteerCheckedOut
  | OpportunityServiceHoursVerified
  | ServiceOpportunityCancelled
  | ServiceOpportunityCompleted;

export const opportunityStreamId = (opportunityId: string): string => `opportunity-${opportunityId}`;
