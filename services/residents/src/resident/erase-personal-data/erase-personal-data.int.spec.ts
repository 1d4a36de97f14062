import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const ERASE = `mutation ($r: ID!) { erasePersonalData(input: { residentId: $r }) { id personalDataErased name idNumber phone vulnerableGroups } }`;

describe('erasePersonalData', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('erase_personal_data');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('erases the personal data right after the move-in, and repeating it changes nothing', async () => {
    const resident = await b.moveIn();
    const erased = { id: resident, personalDataErased: true, name: '[erased]', idNumber: '[erased]', phone: '[erased]', vulnerableGroups: [] };
    expect((await b.ok<{ erasePersonalData: unknown }>(b.staff, ERASE, { r: resident })).erasePersonalData).toEqual(erased);
    expect((await b.ok<{ erasePersonalData: unknown }>(b.staff, ERASE, { r: resident })).erasePersonalData).toEqual(erased);
  });

  it('rejects a malformed id as BAD_USER_INPUT on input.residentId', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ERASE, { r: 'resident-1' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.residentId' });
  });

  it('answers NOT_FOUND for an unknown resident', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ERASE, { r: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });

  it('leaves an erased resident closed to new personal facts: tagging answers CONFLICT (INVALID_STATE)', async () => {
    const resident = await b.moveIn();
    await b.ok(b.staff, ERASE, { r: resident });
    const tag = await b.t.graphql(b.staff, `mutation ($r: ID!) { tagVulnerableGroup(input: { residentId: $r, tag: "low_income" }) { id } }`, { r: resident });
    expect(errorOf(tag)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const resident = await b.moveIn();
    expect(errorOf(await b.t.graphql(b.outsider, ERASE, { r: resident })).code).toBe('FORBIDDEN');
  });
});
