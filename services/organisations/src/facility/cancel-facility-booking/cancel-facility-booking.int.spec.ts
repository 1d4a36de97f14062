import { randomUUID } from 'node:crypto';
import { errorOf, startTestBed, tomorrowAt, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const CANCEL = `mutation ($i: CancelFacilityBookingInput!) { cancelFacilityBooking(input: $i) { id bookings { id status } } }`;

describe('cancelFacilityBooking', () => {
  let b: TestBed;
  let facilityId: string;
  let bookingId: string;
  beforeAll(async () => {
    b = await startTestBed('cancel_facility_booking');
    facilityId = await b.offerFacility();
    const booked = await b.ok<{ bookSharedFacility: { bookings: { id: string }[] } }>(
      b.staff,
      `mutation ($i: BookSharedFacilityInput!) { bookSharedFacility(input: $i) { bookings { id } } }`,
      { i: { facilityId, bookedBy: { kind: 'resident', id: randomUUID() }, purpose: '家庭聚会', attendees: 10, ...tomorrowAt() } },
    );
    bookingId = booked.bookSharedFacility.bookings[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('cancels a booking; the facility query shows it cancelled', async () => {
    const data = await b.ok<{ cancelFacilityBooking: unknown }>(b.staff, CANCEL, { i: { facilityId, bookingId, reason: '临时有事' } });
    expect(data.cancelFacilityBooking).toEqual({ id: facilityId, bookings: [{ id: bookingId, status: 'cancelled' }] });
    const read = await b.ok<{ facility: unknown }>(b.staff, `query ($id: ID!) { facility(id: $id) { bookings { id status } } }`, { id: facilityId });
    expect(read.facility).toEqual({ bookings: [{ id: bookingId, status: 'cancelled' }] });
  });

  it('answers CONFLICT for a second cancellation and NOT_FOUND for an unknown booking', async () => {
    expect(errorOf(await b.t.graphql(b.staff, CANCEL, { i: { facilityId, bookingId, reason: '再次取消' } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    expect(errorOf(await b.t.graphql(b.staff, CANCEL, { i: { facilityId, bookingId: UNKNOWN_ID, reason: '取消' } })).code).toBe('NOT_FOUND');
  });

  it('rejects an empty reason on input.reason and answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, CANCEL, { i: { facilityId, bookingId, reason: '  ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await b.t.graphql(b.outsider, CANCEL, { i: { facilityId, bookingId, reason: '取消' } })).code).toBe('FORBIDDEN');
  });
});
