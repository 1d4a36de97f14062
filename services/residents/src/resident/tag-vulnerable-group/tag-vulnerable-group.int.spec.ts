import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const TAG = `mutation ($r: ID!, $t: String!) { tagVulnerableGroup(input: { residentId: $r, tag: $t }) { id name vulnerableGroups } }`;

describe('tagVulnerableGroup', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('tag_vulnerable_group');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('tags a resident right after the move-in and answers the tags and the name', async () => {
    const resident = await b.moveIn({ name: '赵桂英' });
    await b.ok(b.staff, TAG, { r: resident, t: 'elderly_living_alone' });
    const data = await b.ok<{ tagVulnerableGroup: Record<string, unknown> }>(b.staff, TAG, { r: resident, t: 'low_income' });
    expect(data.tagVulnerableGroup).toEqual({ id: resident, name: '赵桂英', vulnerableGroups: ['elderly_living_alone', 'low_income'] });
  });

  it('rejects an unknown tag as BAD_USER_INPUT on input.tag', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.staff, TAG, { r: resident, t: 'rich' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tag' });
  });

  it('answers NOT_FOUND for an unknown resident', async () => {
    expect(errorOf(await b.t.graphql(b.staff, TAG, { r: UNKNOWN_ID, t: 'low_income' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for a resident who moved out', async () => {
    const resident = await b.moveIn();
    await b.ok(b.staff, `mutation ($r: ID!) { moveResidentOut(input: { residentId: $r, movedOutOn: "2026-11-01", reason: "relocated" }) { id } }`, { r: resident });
    expect(errorOf(await b.t.graphql(b.staff, TAG, { r: resident, t: 'low_income' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.outsider, TAG, { r: resident, t: 'low_income' })).code).toBe('FORBIDDEN');
  });
});
