import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const TAG = `mutation ($r: ID!, $t: String!) { tagVulnerableGroup(input: { residentId: $r, tag: $t }) { id } }`;
const UNTAG = `mutation ($r: ID!, $t: String!) { untagVulnerableGroup(input: { residentId: $r, tag: $t }) { id vulnerableGroups } }`;

describe('untagVulnerableGroup', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('untag_vulnerable_group');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('removes a tag and answers the remaining ones; the next query agrees', async () => {
    const resident = await b.moveIn();
    await b.ok(b.staff, TAG, { r: resident, t: 'disabled' });
    await b.ok(b.staff, TAG, { r: resident, t: 'low_income' });
    const data = await b.ok<{ untagVulnerableGroup: { vulnerableGroups: string[] } }>(b.staff, UNTAG, { r: resident, t: 'disabled' });
    expect(data.untagVulnerableGroup.vulnerableGroups).toEqual(['low_income']);
    const query = await b.ok<{ resident: { vulnerableGroups: string[] } }>(b.staff, `query ($r: ID!) { resident(id: $r) { vulnerableGroups } }`, { r: resident });
    expect(query.resident.vulnerableGroups).toEqual(['low_income']);
  });

  it('rejects an unknown tag as BAD_USER_INPUT on input.tag', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.staff, UNTAG, { r: resident, t: 'rich' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tag' });
  });

  it('answers NOT_FOUND for an unknown resident', async () => {
    expect(errorOf(await b.t.graphql(b.staff, UNTAG, { r: UNKNOWN_ID, t: 'low_income' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for a resident who moved out', async () => {
    const resident = await b.moveIn();
    await b.ok(b.staff, `mutation ($r: ID!) { moveResidentOut(input: { residentId: $r, movedOutOn: "2026-11-01", reason: "relocated" }) { id } }`, { r: resident });
    expect(errorOf(await b.t.graphql(b.staff, UNTAG, { r: resident, t: 'low_income' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.outsider, UNTAG, { r: resident, t: 'low_income' })).code).toBe('FORBIDDEN');
  });
});
