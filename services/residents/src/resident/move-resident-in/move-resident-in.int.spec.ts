import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const MOVE_IN = `mutation ($i: MoveResidentInInput!) { moveResidentIn(input: $i) { id status name idNumber phone vulnerableGroups } }`;

describe('moveResidentIn', () => {
  let b: CommandTestBed;
  let input: Record<string, string>;
  beforeAll(async () => {
    b = await startCommandTestBed('move_resident_in');
    input = { householdId: b.householdId, communityId: b.communityId, gridId: b.gridId, name: '张秀英', idNumber: '11010519491231002X', phone: '13912345678', movedInOn: '2026-10-01' };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('moves a resident in, answers the personal data in clear to staff, and the next query counts the resident', async () => {
    const data = await b.ok<{ moveResidentIn: Record<string, unknown> }>(b.staff, MOVE_IN, { i: input });
    expect(data.moveResidentIn).toMatchObject({ status: 'residing', name: '张秀英', idNumber: '11010519491231002X', phone: '13912345678', vulnerableGroups: [] });
    const household = await b.ok<{ household: { residentsCount: number } }>(b.staff, `query ($h: ID!) { household(id: $h) { residentsCount } }`, { h: b.householdId });
    expect(household.household.residentsCount).toBe(1);
  });

  it('rejects a malformed ID number as BAD_USER_INPUT on input.idNumber', async () => {
    expect(errorOf(await b.t.graphql(b.staff, MOVE_IN, { i: { ...input, idNumber: '110105194912310021' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
  });

  it('rejects a move-in date in the future as BAD_USER_INPUT on movedInOn', async () => {
    expect(errorOf(await b.t.graphql(b.staff, MOVE_IN, { i: { ...input, movedInOn: '2099-01-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'movedInOn' });
  });

  it('answers NOT_FOUND for an unknown household', async () => {
    expect(errorOf(await b.t.graphql(b.staff, MOVE_IN, { i: { ...input, householdId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
  });

  it('rejects a household of another grid as BAD_USER_INPUT on gridId', async () => {
    const grid = await b.ok<{ delineateGrid: { grids: { id: string }[] } }>(b.staff, `mutation ($c: ID!) { delineateGrid(input: { communityId: $c, name: "第二网格" }) { grids { id } } }`, { c: b.communityId });
    const otherGrid = grid.delineateGrid.grids[1]!.id;
    expect(errorOf(await b.t.graphql(b.staff, MOVE_IN, { i: { ...input, gridId: otherGrid } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gridId' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, MOVE_IN, { i: input })).code).toBe('FORBIDDEN');
  });
});
