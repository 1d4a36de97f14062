import { errorOf, startTestBed, today, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const END = `mutation ($i: EndPairingInput!) { endPairing(input: $i) { id status endedOn endReason } }`;

describe('endPairing', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('end_pairing');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('ends a pairing: it leaves the Community’s active pairings, its pledge still counts in the totals', async () => {
    const pairingId = await b.establishPairing({ pledgedFen: 700_000 });
    const data = await b.ok<{ endPairing: unknown }>(b.staff, END, { i: { pairingId, reason: '单位迁出辖区' } });
    expect(data.endPairing).toEqual({ id: pairingId, status: 'ended', endedOn: today(), endReason: '单位迁出辖区' });
    const read = await b.ok<{ pairingsOfCommunity: unknown[] }>(
      b.staff,
      `query ($c: ID!) { pairingsOfCommunity(communityId: $c) { id status endedOn endReason } }`,
      { c: b.communityId },
    );
    expect(read.pairingsOfCommunity).toContainEqual({ id: pairingId, status: 'ended', endedOn: today(), endReason: '单位迁出辖区' });
    const community = await b.ok<{ coBuildingCommunity: { pairings: { id: string }[]; pairingFundsPledgedFen: number } }>(
      b.staff,
      `query ($c: ID!) { coBuildingCommunity(id: $c) { pairings { id } pairingFundsPledgedFen } }`,
      { c: b.communityId },
    );
    expect(community.coBuildingCommunity.pairings.map((p) => p.id)).not.toContain(pairingId);
    expect(community.coBuildingCommunity.pairingFundsPledgedFen).toBeGreaterThanOrEqual(700_000);
  });

  it('answers CONFLICT when ended twice, and refuses activities on an ended pairing', async () => {
    const pairingId = await b.establishPairing();
    await b.ok(b.staff, END, { i: { pairingId, reason: '共建期满' } });
    expect(errorOf(await b.t.graphql(b.staff, END, { i: { pairingId, reason: '共建期满' } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const activity = await b.t.graphql(b.staff, `mutation ($i: RecordPairingActivityInput!) { recordPairingActivity(input: $i) { id } }`, {
      i: { pairingId, title: '义诊', heldOn: today(), place: '社区广场', staffCount: 3, residentCount: 30 },
    });
    expect(errorOf(activity)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('rejects an empty reason on input.reason, and answers NOT_FOUND and FORBIDDEN', async () => {
    const pairingId = await b.establishPairing();
    expect(errorOf(await b.t.graphql(b.staff, END, { i: { pairingId, reason: ' ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await b.t.graphql(b.staff, END, { i: { pairingId: UNKNOWN_ID, reason: '共建期满' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, END, { i: { pairingId, reason: '共建期满' } })).code).toBe('FORBIDDEN');
  });
});
