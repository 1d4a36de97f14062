import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `household-contact-<householdId>`: which registered party member keeps in regular contact with a
 * household (分片包户), and the contact visits made. One stream per household because the invariant is
 * "one contact member per household at a time, and only that member's visits count".
 *
 * A visit records its purpose, not free text: what a member learns at a door is personal and belongs in
 * an appeal (encrypted) if anything is to be done.
 */

export const CONTACT_VISIT_PURPOSES = [
  'regular_contact',
  'policy_outreach',
  'appeal_collection',
  'assistance',
  'festival_greeting',
] as const;
export type ContactVisitPurpose = (typeof CONTACT_VISIT_PURPOSES)[number];

export type HouseholdContactAssigned = DomainEvent<
  'HouseholdContactAssigned',
  { householdId: string; communityId: string; memberId: string; assignedAt: string }
>;

export type HouseholdContactReleased = DomainEvent<
  'HouseholdContactReleased',
  { householdId: string; communityId: string; memberId: string; releasedAt: string }
>;

export type HouseholdContactVisitRecorded = DomainEvent<
  'HouseholdContactVisitRecorded',
  {
    householdId: string;
    communityId: string;
    memberId: string;
    /** Asia/Shanghai calendar date of the visit. */
    visitedOn: string;
    purpose: ContactVisitPurpose;
    recordedAt: string;
  }
>;

export type HouseholdContactEvent = HouseholdContactAssigned | HouseholdContactReleased | HouseholdContactVisitRecorded;

export const householdContactStreamId = (householdId: string): string => `household-contact-${householdId}`;
