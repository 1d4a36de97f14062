import { errorOf, startTestBed, today, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const SET = `mutation ($i: SetMonthlyThemeInput!) { setMonthlyTheme(input: $i) { id themes { month theme } } }`;

describe('setMonthlyTheme', () => {
  let b: TestBed;
  let pairingId: string;
  beforeAll(async () => {
    b = await startTestBed('set_monthly_theme');
    pairingId = await b.establishPairing();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('sets and replaces the theme of a month; the pairing query shows it', async () => {
    await b.ok(b.staff, SET, { i: { pairingId, month: '2026-09', theme: '敬老爱老' } });
    const data = await b.ok<{ setMonthlyTheme: unknown }>(b.staff, SET, { i: { pairingId, month: '2026-09', theme: '尊师重教' } });
    expect(data.setMonthlyTheme).toEqual({ id: pairingId, themes: [{ month: '2026-09', theme: '尊师重教' }] });
    const read = await b.ok<{ pairing: unknown }>(b.staff, `query ($id: ID!) { pairing(id: $id) { themes { month theme } } }`, { id: pairingId });
    expect(read.pairing).toEqual({ themes: [{ month: '2026-09', theme: '尊师重教' }] });
  });

  it('answers CONFLICT when the month already held an activity under its theme', async () => {
    const month = today().slice(0, 7);
    await b.ok(b.staff, SET, { i: { pairingId, month, theme: '垃圾分类' } });
    await b.ok(
      b.staff,
      `mutation ($i: RecordPairingActivityInput!) { recordPairingActivity(input: $i) { id } }`,
      { i: { pairingId, title: '垃圾分类宣传', heldOn: today(), place: '社区广场', staffCount: 5, residentCount: 20 } },
    );
    expect(errorOf(await b.t.graphql(b.staff, SET, { i: { pairingId, month, theme: '文明养犬' } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('rejects a malformed month on input.month, and answers NOT_FOUND for an unknown pairing and FORBIDDEN to outsiders', async () => {
    expect(errorOf(await b.t.graphql(b.staff, SET, { i: { pairingId, month: '2026-13', theme: '尊师重教' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.month' });
    expect(errorOf(await b.t.graphql(b.staff, SET, { i: { pairingId: UNKNOWN_ID, month: '2026-09', theme: '尊师重教' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, SET, { i: { pairingId, month: '2026-10', theme: '国庆' } })).code).toBe('FORBIDDEN');
  });
});
