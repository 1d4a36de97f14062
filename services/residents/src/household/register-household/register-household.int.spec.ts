import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const REGISTER = `mutation ($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id communityId gridId address { compound building unit room } } }`;
const address = { compound: '幸福小区', building: '5', unit: '1', room: '502' };

describe('registerHousehold', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('register_household');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers a household, and the very next query counts it', async () => {
    const data = await b.ok<{ registerHousehold: { id: string } }>(b.staff, REGISTER, { i: { communityId: b.communityId, gridId: b.gridId, address } });
    expect(data.registerHousehold).toMatchObject({ communityId: b.communityId, gridId: b.gridId, address });
    const after = await b.ok<{ community: { householdsCount: number } }>(b.staff, `query ($c: ID!) { community(id: $c) { householdsCount } }`, { c: b.communityId });
    expect(after.community.householdsCount).toBe(2);
  });

  it('rejects an empty room as BAD_USER_INPUT on input.address.room', async () => {
    const res = await b.t.graphql(b.staff, REGISTER, { i: { communityId: b.communityId, gridId: b.gridId, address: { ...address, room: '' } } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.address.room' });
  });

  it('answers NOT_FOUND for a grid the community does not have', async () => {
    const res = await b.t.graphql(b.staff, REGISTER, { i: { communityId: b.communityId, gridId: UNKNOWN_ID, address } });
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const res = await b.t.graphql(b.outsider, REGISTER, { i: { communityId: b.communityId, gridId: b.gridId, address } });
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});
