/**
 * Shared facility (共享设施) decisions. Pure; idempotency as in organisation.decide.ts: facts already true
 * are quiet ([]), contradicting facts reject, lifecycle moves reject outside their state (repeats included).
 *
 *   offered ─withdraw─▶ withdrawn      (withdrawing also cancels every booking not yet over)
 *   booking: booked ─cancel─▶ cancelled
 *
 * Invariants, all held in this one stream so that two concurrent bookings race on its version:
 * - bookings of a facility never overlap: [startsAt, endsAt) half-open, so back-to-back bookings are fine;
 * - a booking lies inside one opening window (Asia/Shanghai wall clock), starts no earlier than now, and
 *   brings no more attendees than the facility's capacity;
 * - changed opening hours apply to new bookings; bookings already made stand (the owner cancels if needed).
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  requirePositiveInteger,
  requireUtcInstant,
  ValidationError,
  sameFacts,
  type CommandMetadata,
} from '@cogov/domain';

import {
  BOOKER_KINDS,
  FACILITY_KINDS,
  type Booker,
  type FacilityEvent,
  type FacilityKind,
  type OpeningWindow,
  type SharedFacilityBooked,
  type SharedFacilityBookingCancelled,
  type SharedFacilityOffered,
  type SharedFacilityOpeningHoursChanged,
  type SharedFacilityWithdrawn,
} from './facility.events.js';
import { evolve, initialState, type BookingFacts, type FacilityState } from './facility.state.js';
import { isWithinOpeningHours, overlaps, requireOpeningHours } from './opening-hours.js';

export type OfferSharedFacility = {
  type: 'OfferSharedFacility';
  data: {
    facilityId: string;
    organisationId: string;
    communityId: string;
    kind: FacilityKind;
    name: string;
    address: string;
    capacity: number;
    openingHours: OpeningWindow[];
  };
  metadata: CommandMetadata;
};

export type ChangeOpeningHours = {
  type: 'ChangeOpeningHours';
  data: { facilityId: string; openingHours: OpeningWindow[] };
  metadata: CommandMetadata;
};

export type BookSharedFacility = {
  type: 'BookSharedFacility';
  data: {
    facilityId: string;
    bookingId: string;
    bookedBy: Booker;
    purpose: string;
    attendees: number;
    startsAt: string;
    endsAt: string;
  };
  metadata: CommandMetadata;
};

export type CancelFacilityBooking = {
  type: 'CancelFacilityBooking';
  data: { facilityId: string; bookingId: string; reason: string };
  metadata: CommandMetadata;
};

export type WithdrawSharedFacility = {
  type: 'WithdrawSharedFacility';
  data: { facilityId: string; reason: string };
  metadata: CommandMetadata;
};

export type FacilityCommand =
  | OfferSharedFacility
  | ChangeOpeningHours
  | BookSharedFacility
  | CancelFacilityBooking
  | WithdrawSharedFacility;

type Offered = Extract<FacilityState, { status: 'offered' }>;

function requireOffered(state: FacilityState, facilityId: string, doing: string): Offered {
  if (state.status === 'empty') throw new NotFoundError('shared facility', facilityId);
  if (state.status === 'withdrawn') {
    throw new InvalidStateError(`shared facility ${facilityId} is withdrawn; only an offered facility can be ${doing}`);
  }
  return state;
}

const ref = (facility: Offered) => ({
  facilityId: facility.facilityId,
  organisationId: facility.organisationId,
  communityId: facility.communityId,
});

/** Quiet when offered already with identical facts (opening hours included); AlreadyExistsError otherwise. */
function offerFacility({ data, metadata }: OfferSharedFacility, state: FacilityState): SharedFacilityOffered[] {
  const facilityId = requireNonEmpty(data.facilityId, 'data.facilityId');
  const offer = {
    facilityId,
    organisationId: requireNonEmpty(data.organisationId, 'data.organisationId'),
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    kind: requireOneOf(data.kind, FACILITY_KINDS, 'data.kind'),
    name: requireNonEmpty(data.name, 'data.name').trim(),
    address: requireNonEmpty(data.address, 'data.address').trim(),
    capacity: requirePositiveInteger(data.capacity, 'data.capacity'),
  };
  const openingHours = requireOpeningHours(data.openingHours, 'data.openingHours');
  if (state.status !== 'empty') {
    if (sameFacts(state.offer, offer) && sameFacts(state.openingHours, openingHours)) return [];
    throw new AlreadyExistsError('shared facility', facilityId, `offered as ${state.offer.name}`);
  }
  return [{ type: 'SharedFacilityOffered', data: { ...offer, openingHours, offeredAt: metadata.now } }];
}

/** Quiet when the hours are already these (in any order). */
function changeOpeningHours(
  { data, metadata }: ChangeOpeningHours,
  state: FacilityState,
): SharedFacilityOpeningHoursChanged[] {
  const facilityId = requireNonEmpty(data.facilityId, 'data.facilityId');
  const openingHours = requireOpeningHours(data.openingHours, 'data.openingHours');
  const facility = requireOffered(state, facilityId, 'given opening hours');
  if (sameFacts(facility.openingHours, openingHours)) return [];
  return [{ type: 'SharedFacilityOpeningHoursChanged', data: { ...ref(facility), openingHours, changedAt: metadata.now } }];
}

/**
 * Quiet when this booking id was made with identical facts (a retried booking, even if since cancelled);
 * AlreadyExistsError when with others. InvalidStateError when it overlaps a live booking.
 */
function bookFacility({ data, metadata }: BookSharedFacility, state: FacilityState): SharedFacilityBooked[] {
  const facilityId = requireNonEmpty(data.facilityId, 'data.facilityId');
  const bookingId = requireNonEmpty(data.bookingId, 'data.bookingId');
  if (typeof data.bookedBy !== 'object' || data.bookedBy === null) {
    throw new ValidationError('data.bookedBy', 'data.bookedBy is required');
  }
  const bookedBy: Booker = {
    kind: requireOneOf(data.bookedBy.kind, BOOKER_KINDS, 'data.bookedBy.kind'),
    id: requireNonEmpty(data.bookedBy.id, 'data.bookedBy.id'),
  };
  const purpose = requireNonEmpty(data.purpose, 'data.purpose').trim();
  const attendees = requirePositiveInteger(data.attendees, 'data.attendees');
  const startsAt = requireUtcInstant(data.startsAt, 'data.startsAt');
  const endsAt = requireUtcInstant(data.endsAt, 'data.endsAt');
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ValidationError('data.endsAt', 'data.endsAt must be after data.startsAt');
  const facility = requireOffered(state, facilityId, 'booked');
  const facts: BookingFacts = { ...ref(facility), bookingId, bookedBy, purpose, attendees, startsAt, endsAt };
  const existing = facility.bookings[bookingId];
  if (existing !== undefined) {
    const { cancelled: _cancelled, ...recorded } = existing;
    if (sameFacts(recorded, facts)) return [];
    throw new AlreadyExistsError('booking', bookingId, `made for ${recorded.startsAt}–${recorded.endsAt}`);
  }
  if (Date.parse(startsAt) < Date.parse(metadata.now)) {
    throw new ValidationError('data.startsAt', 'data.startsAt must not be in the past');
  }
  if (attendees > facility.capacity) {
    throw new ValidationError('data.attendees', `data.attendees must be at most the capacity, ${facility.capacity}`);
  }
  if (!isWithinOpeningHours(facility.openingHours, startsAt, endsAt)) {
    throw new ValidationError('data.startsAt', `shared facility ${facilityId} is not open for the whole of ${startsAt}–${endsAt}`);
  }
  const clash = Object.values(facility.bookings).find((b) => !b.cancelled && overlaps(b, facts));
  if (clash !== undefined) {
    throw new InvalidStateError(`shared facility ${facilityId} is booked ${clash.startsAt}–${clash.endsAt} (booking ${clash.bookingId})`);
  }
  return [{ type: 'SharedFacilityBooked', data: { ...facts, bookedAt: metadata.now } }];
}

/** Lifecycle: only a live booking that has not ended can be cancelled; cancelling twice is InvalidStateError. */
function cancelBooking(
  { data, metadata }: CancelFacilityBooking,
  state: FacilityState,
): SharedFacilityBookingCancelled[] {
  const facilityId = requireNonEmpty(data.facilityId, 'data.facilityId');
  const bookingId = requireNonEmpty(data.bookingId, 'data.bookingId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  if (state.status === 'empty') throw new NotFoundError('shared facility', facilityId);
  const booking = state.bookings[bookingId];
  if (booking === undefined) throw new NotFoundError('booking', bookingId);
  if (booking.cancelled) throw new InvalidStateError(`booking ${bookingId} is cancelled already`);
  if (Date.parse(booking.endsAt) <= Date.parse(metadata.now)) {
    throw new InvalidStateError(`booking ${bookingId} is over; only a booking that has not ended can be cancelled`);
  }
  const { facilityId: id, organisationId, communityId } = state;
  return [
    { type: 'SharedFacilityBookingCancelled', data: { facilityId: id, organisationId, communityId, bookingId, reason, cancelledAt: metadata.now } },
  ];
}

/**
 * Lifecycle: only an offered facility can be withdrawn; withdrawing twice is InvalidStateError. Every live
 * booking that has not ended is cancelled with it, so nobody turns up at a closed door.
 */
function withdrawFacility(
  { data, metadata }: WithdrawSharedFacility,
  state: FacilityState,
): (SharedFacilityWithdrawn | SharedFacilityBookingCancelled)[] {
  const facilityId = requireNonEmpty(data.facilityId, 'data.facilityId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const facility = requireOffered(state, facilityId, 'withdrawn');
  const cancellations: SharedFacilityBookingCancelled[] = Object.values(facility.bookings)
    .filter((b) => !b.cancelled && Date.parse(b.endsAt) > Date.parse(metadata.now))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((b) => ({
      type: 'SharedFacilityBookingCancelled',
      data: { ...ref(facility), bookingId: b.bookingId, reason: `facility withdrawn: ${reason}`, cancelledAt: metadata.now },
    }));
  return [...cancellations, { type: 'SharedFacilityWithdrawn', data: { ...ref(facility), reason, withdrawnAt: metadata.now } }];
}

export const facilityDecider: Decider<FacilityCommand, FacilityEvent, FacilityState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'OfferSharedFacility':
        return offerFacility({ ...command, metadata }, state);
      case 'ChangeOpeningHours':
        return changeOpeningHours({ ...command, metadata }, state);
      case 'BookSharedFacility':
        return bookFacility({ ...command, metadata }, state);
      case 'CancelFacilityBooking':
        return cancelBooking({ ...command, metadata }, state);
      case 'WithdrawSharedFacility':
        return withdrawFacility({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown shared facility command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};

export const decide = facilityDecider.decide;
