import { randomUUID } from 'node:crypto';
import { errorOf, startTestBed, tomorrowAt, type TestBed } from '../../../test/organisations-fixtures.js';

const BOOK = `mutation ($i: BookSharedFacilityInput!) { bookSharedFacility(input: $i) { id bookings { id bookedBy { kind id } attendees startsAt endsAt status } } }`;

describe('bookSharedFacility', () => {
  let b: TestBed;
  let facilityId: string;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startTestBed('book_shared_facility');
    facilityId = await b.offerFacility({ capacity: 30 });
    input = { facilityId, bookedBy: { kind: 'volunteer_team', id: randomUUID() }, purpose: '志愿者培训', attendees: 20, ...tomorrowAt(2, 2) };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('books a facility, back to back with another booking; the facility query lists both bookings', async () => {
    await b.ok(b.staff, BOOK, { i: input });
    const next = tomorrowAt(4, 1);
    const data = await b.ok<{ bookSharedFacility: { bookings: { startsAt: string; status: string }[] } }>(b.staff, BOOK, { i: { ...input, ...next } });
    expect(data.bookSharedFacility.bookings.map((x) => [x.startsAt, x.status])).toEqual([
      [input.startsAt, 'booked'],
      [next.startsAt, 'booked'],
    ]);
    const read = await b.ok<{ facility: { bookings: { startsAt: string; attendees: number }[] } }>(
      b.staff,
      `query ($id: ID!) { facility(id: $id) { bookings { startsAt attendees } } }`,
      { id: facilityId },
    );
    expect(read.facility.bookings).toEqual([
      { startsAt: input.startsAt, attendees: 20 },
      { startsAt: next.startsAt, attendees: 20 },
    ]);
  });

  it('answers CONFLICT for a booking that overlaps another', async () => {
    expect(errorOf(await b.t.graphql(b.staff, BOOK, { i: { ...input, ...tomorrowAt(3, 1) } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('rejects an end before the start on input.endsAt and a malformed booker on input.bookedBy.kind', async () => {
    expect(errorOf(await b.t.graphql(b.staff, BOOK, { i: { ...input, endsAt: input.startsAt } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect(errorOf(await b.t.graphql(b.staff, BOOK, { i: { ...input, bookedBy: { kind: 'tourist', id: randomUUID() } } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.bookedBy.kind',
    });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, BOOK, { i: { ...input, ...tomorrowAt(8, 1) } })).code).toBe('FORBIDDEN');
  });
});
