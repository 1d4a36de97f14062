import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { contractCheckedSpecification } from '@cogov/testing';
import { facilityDecider, type BookSharedFacility, type FacilityCommand } from './facility.decide.js';
import type {
  SharedFacilityBooked,
  SharedFacilityBookingCancelled,
  SharedFacilityOffered,
  SharedFacilityOpeningHoursChanged,
  SharedFacilityWithdrawn,
} from './facility.events.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(facilityDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

// Saturday 2026-09-12 in Asia/Shanghai: 09:00 local = 01:00Z.
const NOW = '2026-09-05T02:00:00.000Z';
const ref = { facilityId: 'f-1', organisationId: 'o-1', communityId: 'c-1' };
const weekend = [
  { weekday: 6, opens: '08:00', closes: '18:00' },
  { weekday: 7, opens: '08:00', closes: '18:00' },
];

function command<C extends FacilityCommand>(type: C['type'], data: C['data'], now = NOW): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const offered: SharedFacilityOffered = {
  type: 'SharedFacilityOffered',
  data: { ...ref, kind: 'sports_ground', name: '学校操场', address: '和平里七区 3 号', capacity: 100, openingHours: weekend, offeredAt: NOW },
};
const hoursChanged: SharedFacilityOpeningHoursChanged = {
  type: 'SharedFacilityOpeningHoursChanged',
  data: { ...ref, openingHours: [{ weekday: 6, opens: '07:00', closes: '19:00' }], changedAt: NOW },
};
const booked = (bookingId: string, startsAt: string, endsAt: string): SharedFacilityBooked => ({
  type: 'SharedFacilityBooked',
  data: { ...ref, bookingId, bookedBy: { kind: 'resident', id: 'r-1' }, purpose: '篮球友谊赛', attendees: 30, startsAt, endsAt, bookedAt: NOW },
});
const morning = booked('b-1', '2026-09-12T01:00:00.000Z', '2026-09-12T03:00:00.000Z'); // 09:00–11:00 local
const cancelled = (bookingId: string, reason = '比赛改期'): SharedFacilityBookingCancelled => ({
  type: 'SharedFacilityBookingCancelled',
  data: { ...ref, bookingId, reason, cancelledAt: NOW },
});
const withdrawn: SharedFacilityWithdrawn = { type: 'SharedFacilityWithdrawn', data: { ...ref, reason: '操场翻修', withdrawnAt: NOW } };

const { offeredAt: _at, ...offerData } = offered.data;
const offer = (data: Partial<typeof offerData> = {}) => command('OfferSharedFacility', { ...offerData, ...data });
const changeHours = (openingHours = hoursChanged.data.openingHours) => command('ChangeOpeningHours', { facilityId: 'f-1', openingHours });
const book = (bookingId: string, startsAt: string, endsAt: string, data: Partial<BookSharedFacility['data']> = {}, now = NOW) =>
  command<BookSharedFacility>(
    'BookSharedFacility',
    { facilityId: 'f-1', bookingId, bookedBy: { kind: 'resident', id: 'r-1' }, purpose: '篮球友谊赛', attendees: 30, startsAt, endsAt, ...data },
    now,
  );
const cancel = (bookingId = 'b-1', now = NOW) => command('CancelFacilityBooking', { facilityId: 'f-1', bookingId, reason: '比赛改期' }, now);
const withdraw = () => command('WithdrawSharedFacility', { facilityId: 'f-1', reason: '操场翻修' });

describe('shared facility decider', () => {
  describe('OfferSharedFacility (quiet when offered identically)', () => {
    it('emits SharedFacilityOffered with its opening hours', () => {
      spec.given([]).when(offer()).then([offered]);
    });
    it('sorts the opening windows by weekday', () => {
      spec.given([]).when(offer({ openingHours: [...weekend].reverse() })).then([offered]);
    });
    it('rejects overlapping windows, closing before opening and an impossible weekday', () => {
      const overlapping = [...weekend, { weekday: 6, opens: '17:00', closes: '20:00' }];
      spec.given([]).when(offer({ openingHours: overlapping })).thenThrows(ValidationError, field('data.openingHours'));
      spec
        .given([])
        .when(offer({ openingHours: [{ weekday: 1, opens: '18:00', closes: '08:00' }] }))
        .thenThrows(ValidationError, field('data.openingHours[0].closes'));
      spec
        .given([])
        .when(offer({ openingHours: [{ weekday: 8, opens: '08:00', closes: '18:00' }] }))
        .thenThrows(ValidationError, field('data.openingHours[0].weekday'));
    });
    it('rejects a reused id with other facts', () => {
      spec.given([offered]).when(offer({ capacity: 50 })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when offered again identically', () => {
      spec.given([offered]).when(offer()).thenNothing();
    });
  });

  describe('ChangeOpeningHours (quiet when unchanged)', () => {
    it('emits SharedFacilityOpeningHoursChanged', () => {
      spec.given([offered]).when(changeHours()).then([hoursChanged]);
    });
    it('rejects a withdrawn facility', () => {
      spec.given([offered, withdrawn]).when(changeHours()).thenThrows(InvalidStateError);
    });
    it('stays quiet when the hours are already these', () => {
      spec.given([offered, hoursChanged]).when(changeHours()).thenNothing();
    });
  });

  describe('BookSharedFacility (bookings never overlap; quiet when booked identically)', () => {
    it('emits SharedFacilityBooked inside the opening hours', () => {
      spec.given([offered]).when(book('b-1', morning.data.startsAt, morning.data.endsAt)).then([morning]);
    });
    it('emits a booking that touches another one (11:00–12:00 after 09:00–11:00)', () => {
      const next = booked('b-2', '2026-09-12T03:00:00.000Z', '2026-09-12T04:00:00.000Z');
      spec.given([offered, morning]).when(book('b-2', next.data.startsAt, next.data.endsAt)).then([next]);
    });
    it('emits a booking over a slot whose booking was cancelled', () => {
      const again = booked('b-2', morning.data.startsAt, morning.data.endsAt);
      spec.given([offered, morning, cancelled('b-1')]).when(book('b-2', morning.data.startsAt, morning.data.endsAt)).then([again]);
    });
    it('rejects a booking overlapping another by one minute', () => {
      spec
        .given([offered, morning])
        .when(book('b-2', '2026-09-12T02:59:00.000Z', '2026-09-12T04:00:00.000Z'))
        .thenThrows(InvalidStateError);
    });
    it('rejects a booking outside the opening hours (a Monday, or running past 18:00)', () => {
      spec
        .given([offered])
        .when(book('b-1', '2026-09-14T01:00:00.000Z', '2026-09-14T03:00:00.000Z'))
        .thenThrows(ValidationError, field('data.startsAt'));
      spec
        .given([offered])
        .when(book('b-1', '2026-09-12T09:00:00.000Z', '2026-09-12T10:30:00.000Z'))
        .thenThrows(ValidationError, field('data.startsAt'));
    });
    it('rejects more attendees than the capacity, a past start and an end before the start', () => {
      spec.given([offered]).when(book('b-1', morning.data.startsAt, morning.data.endsAt, { attendees: 101 })).thenThrows(ValidationError, field('data.attendees'));
      spec
        .given([offered])
        .when(book('b-1', morning.data.startsAt, morning.data.endsAt, {}, '2026-09-12T01:30:00.000Z'))
        .thenThrows(ValidationError, field('data.startsAt'));
      spec.given([offered]).when(book('b-1', morning.data.endsAt, morning.data.startsAt)).thenThrows(ValidationError, field('data.endsAt'));
    });
    it('rejects a reused booking id for another slot, and a withdrawn facility', () => {
      spec.given([offered, morning]).when(book('b-1', '2026-09-13T01:00:00.000Z', '2026-09-13T03:00:00.000Z')).thenThrows(AlreadyExistsError);
      spec.given([offered, withdrawn]).when(book('b-1', morning.data.startsAt, morning.data.endsAt)).thenThrows(InvalidStateError);
    });
    it('stays quiet when the same booking is made again', () => {
      spec.given([offered, morning]).when(book('b-1', morning.data.startsAt, morning.data.endsAt)).thenNothing();
    });
  });

  describe('CancelFacilityBooking (lifecycle: a repeat rejects)', () => {
    it('emits SharedFacilityBookingCancelled', () => {
      spec.given([offered, morning]).when(cancel()).then([cancelled('b-1')]);
    });
    it('rejects an unknown booking, and a booking that is over', () => {
      spec.given([offered]).when(cancel()).thenThrows(NotFoundError);
      spec.given([offered, morning]).when(cancel('b-1', '2026-09-12T03:00:00.000Z')).thenThrows(InvalidStateError);
    });
    it('rejects cancelling twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([offered, morning, cancelled('b-1')]).when(cancel()).thenThrows(InvalidStateError);
    });
  });

  describe('WithdrawSharedFacility (lifecycle: a repeat rejects)', () => {
    it('emits SharedFacilityWithdrawn after cancelling the bookings not yet over', () => {
      spec.given([offered, morning]).when(withdraw()).then([cancelled('b-1', 'facility withdrawn: 操场翻修'), withdrawn]);
    });
    it('rejects an unknown facility', () => {
      spec.given([]).when(withdraw()).thenThrows(NotFoundError);
    });
    it('rejects withdrawing twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([offered, withdrawn]).when(withdraw()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract([
      'SharedFacilityOffered',
      'SharedFacilityOpeningHoursChanged',
      'SharedFacilityBooked',
      'SharedFacilityBookingCancelled',
      'SharedFacilityWithdrawn',
    ]);
  });
});
