import { errorOf, startTestBed, type TestBed } from '../../../test/organisations-fixtures.js';

const DISBURSE = `mutation ($i: DisburseSupportFundInput!) { disburseSupportFund(input: $i) { id pledgedFen disbursedTotalFen } }`;

describe('disburseSupportFund', () => {
  let b: TestBed;
  let pairingId: string;
  beforeAll(async () => {
    b = await startTestBed('disburse_support_fund');
    pairingId = await b.establishPairing({ pledgedFen: 500_000 });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('disburses up to exactly the pledge; the Community entity shows the disbursed total', async () => {
    await b.ok(b.staff, DISBURSE, { i: { pairingId, amountFen: 200_000, purpose: '购置图书' } });
    const data = await b.ok<{ disburseSupportFund: unknown }>(b.staff, DISBURSE, { i: { pairingId, amountFen: 300_000, purpose: '慰问困难老人' } });
    expect(data.disburseSupportFund).toEqual({ id: pairingId, pledgedFen: 500_000, disbursedTotalFen: 500_000 });
    const entities = await b.ok<{ _entities: unknown[] }>(
      b.staff,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { pairingFundsPledgedFen pairingFundsDisbursedFen } } }`,
      { r: [{ __typename: 'Community', id: b.communityId }] },
    );
    expect(entities._entities).toEqual([{ pairingFundsPledgedFen: 500_000, pairingFundsDisbursedFen: 500_000 }]);
  });

  it('answers CONFLICT for one fen more than the pledge', async () => {
    expect(errorOf(await b.t.graphql(b.staff, DISBURSE, { i: { pairingId, amountFen: 1, purpose: '超出' } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('rejects a zero amount on input.amountFen and answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, DISBURSE, { i: { pairingId, amountFen: 0, purpose: '无' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountFen' });
    expect(errorOf(await b.t.graphql(b.outsider, DISBURSE, { i: { pairingId, amountFen: 1, purpose: '无' } })).code).toBe('FORBIDDEN');
  });
});
