import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const MOVE_OUT = `mutation ($r: ID!, $reason: String!) { moveResidentOut(input: { residentId: $r, movedOutOn: "2026-11-01", reason: $reason }) { id status movedOutOn moveOutReason name } }`;

describe('moveResidentOut', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('move_resident_out');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('moves a resident out, answers the name from the directory, and the household no longer counts them', async () => {
    const resident = await b.moveIn({ name: '刘洋' });
    const data = await b.ok<{ moveResidentOut: Record<string, unknown> }>(b.staff, MOVE_OUT, { r: resident, reason: 'relocated' });
    expect(data.moveResidentOut).toEqual({ id: resident, status: 'moved_out', movedOutOn: '2026-11-01', moveOutReason: 'relocated', name: '刘洋' });
    const household = await b.ok<{ household: { residentsCount: number } }>(b.staff, `query ($h: ID!) { household(id: $h) { residentsCount } }`, { h: b.householdId });
    expect(household.household.residentsCount).toBe(0);
  });

  it('rejects an unknown reason as BAD_USER_INPUT on input.reason', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.staff, MOVE_OUT, { r: resident, reason: 'vanished' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
  });

  it('answers NOT_FOUND for an unknown resident', async () => {
    expect(errorOf(await b.t.graphql(b.staff, MOVE_OUT, { r: UNKNOWN_ID, reason: 'relocated' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) when the resident already moved out', async () => {
    const resident = await b.moveIn();
    await b.ok(b.staff, MOVE_OUT, { r: resident, reason: 'relocated' });
    expect(errorOf(await b.t.graphql(b.staff, MOVE_OUT, { r: resident, reason: 'relocated' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.outsider, MOVE_OUT, { r: resident, reason: 'relocated' })).code).toBe('FORBIDDEN');
  });
});
