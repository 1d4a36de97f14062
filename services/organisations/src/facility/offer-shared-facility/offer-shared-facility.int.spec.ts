import { errorOf, startTestBed, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const OFFER = `mutation ($i: OfferSharedFacilityInput!) { offerSharedFacility(input: $i) { id organisationId communityId kind name capacity status openingHours { weekday opens closes } bookings { id } } }`;

describe('offerSharedFacility', () => {
  let b: TestBed;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startTestBed('offer_shared_facility');
    const organisationId = await b.registerOrganisation();
    input = {
      organisationId,
      communityId: b.communityId,
      kind: 'sports_ground',
      name: '和平里第一小学操场',
      address: '和平里七区 3 号',
      capacity: 200,
      openingHours: [
        { weekday: 7, opens: '08:00', closes: '18:00' },
        { weekday: 6, opens: '08:00', closes: '18:00' },
      ],
    };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('offers a facility with its opening hours sorted by weekday; the facility query shows it', async () => {
    const data = await b.ok<{ offerSharedFacility: { id: string } }>(b.staff, OFFER, { i: input });
    const expected = {
      kind: 'sports_ground',
      capacity: 200,
      status: 'offered',
      openingHours: [
        { weekday: 6, opens: '08:00', closes: '18:00' },
        { weekday: 7, opens: '08:00', closes: '18:00' },
      ],
      bookings: [],
    };
    expect(data.offerSharedFacility).toMatchObject(expected);
    const read = await b.ok<{ facility: unknown }>(b.staff, `query ($id: ID!) { facility(id: $id) { kind capacity status openingHours { weekday opens closes } bookings { id } } }`, {
      id: data.offerSharedFacility.id,
    });
    expect(read.facility).toEqual(expected);
  });

  it('rejects a window closing before it opens on input.openingHours[0].closes, and an unknown kind on input.kind', async () => {
    const badHours = [{ weekday: 1, opens: '18:00', closes: '08:00' }];
    expect(errorOf(await b.t.graphql(b.staff, OFFER, { i: { ...input, openingHours: badHours } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.openingHours[0].closes' });
    expect(errorOf(await b.t.graphql(b.staff, OFFER, { i: { ...input, kind: 'swimming_pool' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  it('answers NOT_FOUND for an unknown organisation or facility, and FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, OFFER, { i: { ...input, organisationId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.staff, `query ($id: ID!) { facility(id: $id) { id } }`, { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, OFFER, { i: input })).code).toBe('FORBIDDEN');
  });
});
