import { errorOf, startTestBed, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const AMEND = `mutation ($i: AmendPairingPledgeInput!) { amendPairingPledge(input: $i) { id pledgedFen disbursedTotalFen } }`;
const DISBURSE = `mutation ($i: DisburseSupportFundInput!) { disburseSupportFund(input: $i) { id disbursedTotalFen } }`;

describe('amendPairingPledge', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('amend_pairing_pledge');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('raises the pledge, so that a disbursement above the old one goes through; the community totals follow', async () => {
    const pairingId = await b.establishPairing({ pledgedFen: 500_000 });
    const data = await b.ok<{ amendPairingPledge: unknown }>(b.staff, AMEND, { i: { pairingId, pledgedFen: 800_000, reason: '追加重阳节慰问经费' } });
    expect(data.amendPairingPledge).toEqual({ id: pairingId, pledgedFen: 800_000, disbursedTotalFen: 0 });
    await b.ok(b.staff, DISBURSE, { i: { pairingId, amountFen: 700_000, purpose: '重阳节慰问' } });
    const read = await b.ok<{ pairing: unknown }>(b.staff, `query ($id: ID!) { pairing(id: $id) { pledgedFen disbursedTotalFen } }`, { id: pairingId });
    expect(read.pairing).toEqual({ pledgedFen: 800_000, disbursedTotalFen: 700_000 });
  });

  it('is quiet for the same amount, and answers CONFLICT below what was disbursed', async () => {
    const pairingId = await b.establishPairing({ pledgedFen: 600_000 });
    await b.ok(b.staff, DISBURSE, { i: { pairingId, amountFen: 550_000, purpose: '购置图书' } });
    const same = await b.ok<{ amendPairingPledge: unknown }>(b.staff, AMEND, { i: { pairingId, pledgedFen: 600_000, reason: '无变化' } });
    expect(same.amendPairingPledge).toEqual({ id: pairingId, pledgedFen: 600_000, disbursedTotalFen: 550_000 });
    expect(errorOf(await b.t.graphql(b.staff, AMEND, { i: { pairingId, pledgedFen: 540_000, reason: '预算压减' } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('rejects a pledge below the minimum on data.pledgedFen, and answers NOT_FOUND and FORBIDDEN', async () => {
    const pairingId = await b.establishPairing();
    expect(errorOf(await b.t.graphql(b.staff, AMEND, { i: { pairingId, pledgedFen: 100, reason: '压减' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'data.pledgedFen' });
    expect(errorOf(await b.t.graphql(b.staff, AMEND, { i: { pairingId: UNKNOWN_ID, pledgedFen: 900_000, reason: '追加' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, AMEND, { i: { pairingId, pledgedFen: 900_000, reason: '追加' } })).code).toBe('FORBIDDEN');
  });
});
