import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `facility-<facilityId>`: a shared facility (共享设施) an organisation opens to the residents of a
 * community, with its weekly opening hours and all its bookings (so that bookings can never overlap).
 */

export const FACILITY_KINDS = [
  'canteen',
  'sports_ground',
  'meeting_room',
  'activity_room',
  'library',
  'parking',
  'other',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/**
 * One opening window of a week, Asia/Shanghai wall-clock time: ISO weekday (1 = Monday … 7 = Sunday),
 * `opens` and `closes` as `HH:MM` (`closes` may be `24:00`), opens < closes.
 */
export interface OpeningWindow {
  weekday: number;
  opens: string;
  closes: string;
}

export const BOOKER_KINDS = [
  'resident',
  'residents_committee',
  'organisation',
  'volunteer_team',
  'party_organisation',
  'owners_committee',
] as const;
export type BookerKind = (typeof BOOKER_KINDS)[number];
export interface Booker {
  kind: BookerKind;
  id: string;
}

interface FacilityRef {
  facilityId: string;
  organisationId: string;
  communityId: string;
}

export type SharedFacilityOffered = DomainEvent<
  'SharedFacilityOffered',
  FacilityRef & {
    kind: FacilityKind;
    name: string;
    address: string;
    /** Most people at once. */
    capacity: number;
    openingHours: OpeningWindow[];
    offeredAt: string;
  }
>;

export type SharedFacilityOpeningHoursChanged = DomainEvent<
  'SharedFacilityOpeningHoursChanged',
  FacilityRef & { openingHours: OpeningWindow[]; changedAt: string }
>;

export type SharedFacilityBooked = DomainEvent<
  'SharedFacilityBooked',
  FacilityRef & {
    bookingId: string;
    bookedBy: Booker;
    purpose: string;
    attendees: number;
    /** Half-open [startsAt, endsAt), UTC: a booking ending at 10:00 and one starting at 10:00 do not overlap. */
    startsAt: string;
    endsAt: string;
    bookedAt: string;
  }
>;

export type SharedFacilityBookingCancelled = DomainEvent<
  'SharedFacilityBookingCancelled',
  FacilityRef & { bookingId: string; reason: string; cancelledAt: string }
>;

export type SharedFacilityWithdrawn = DomainEvent<
  'SharedFacilityWithdrawn',
  FacilityRef & { reason: string; withdrawnAt: string }
>;

export type FacilityEvent =
  | SharedFacilityOffered
  | SharedFacilityOpeningHoursChanged
  | SharedFacilityBooked
  | SharedFacilityBookingCancelled
  | SharedFacilityWithdrawn;

export const facilityStreamId = (facilityId: string): string => `facility-${facilityId}`;
