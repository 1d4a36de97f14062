import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const RECORD = `mutation ($i: RecordCompoundOccupancyInput!) { recordCompoundOccupancy(input: $i) { id unitCount occupiedUnitCount } }`;

describe('recordCompoundOccupancy', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_occupancy');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('records the units lived in, and the directory shows the latest figure', async () => {
    const compoundId = await givenCompound(t, staff);
    const first = await t.graphql(staff, RECORD, { i: { compoundId, occupiedUnitCount: 3 } });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordCompoundOccupancy).toEqual({ id: compoundId, unitCount: 4, occupiedUnitCount: 3 });
    await t.graphql(staff, RECORD, { i: { compoundId, occupiedUnitCount: 4 } });
    const read = await t.graphql(staff, `query ($id: ID!) { compound(id: $id) { occupiedUnitCount } }`, { id: compoundId });
    expect(read.data?.compound).toEqual({ occupiedUnitCount: 4 });
  });

  it('refuses more occupied units than the compound has or a negative count (BAD_USER_INPUT), unknown compounds and outsiders', async () => {
    const compoundId = await givenCompound(t, staff);
    const over = await t.graphql(staff, RECORD, { i: { compoundId, occupiedUnitCount: 5 } });
    expect(over.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'occupiedUnitCount' });
    const negative = await t.graphql(staff, RECORD, { i: { compoundId, occupiedUnitCount: -1 } });
    expect(negative.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.occupiedUnitCount' });
    const unknown = await t.graphql(staff, RECORD, { i: { compoundId: '0190a000-0000-7000-8000-00000000dead', occupiedUnitCount: 1 } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    expect((await t.graphql(outsider, RECORD, { i: { compoundId, occupiedUnitCount: 1 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
