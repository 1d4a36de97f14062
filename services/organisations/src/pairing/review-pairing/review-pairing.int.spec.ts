import { errorOf, startTestBed, today, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const REVIEW = `mutation ($i: ReviewPairingInput!) { reviewPairing(input: $i) { id reviews { period rating comments } } }`;

describe('reviewPairing', () => {
  let b: TestBed;
  let pairingId: string;
  const year = today().slice(0, 4);
  beforeAll(async () => {
    b = await startTestBed('review_pairing');
    pairingId = await b.establishPairing();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records one review per period, in period order, and the pairing query shows them', async () => {
    await b.ok(b.staff, REVIEW, { i: { pairingId, period: year, rating: 'good', comments: '承诺事项基本落实' } });
    const data = await b.ok<{ reviewPairing: unknown }>(b.staff, REVIEW, { i: { pairingId, period: `${year}-H1`, rating: 'excellent', comments: '' } });
    const reviews = [
      { period: year, rating: 'good', comments: '承诺事项基本落实' },
      { period: `${year}-H1`, rating: 'excellent', comments: '' },
    ];
    expect(data.reviewPairing).toEqual({ id: pairingId, reviews });
    const read = await b.ok<{ pairing: unknown }>(b.staff, `query ($id: ID!) { pairing(id: $id) { reviews { period rating comments } } }`, { id: pairingId });
    expect(read.pairing).toEqual({ reviews });
  });

  it('is quiet when the same review is repeated, and answers CONFLICT for another rating of a reviewed period', async () => {
    const input = { pairingId, period: `${year}-Q1`, rating: 'pass', comments: '活动偏少' };
    await b.ok(b.staff, REVIEW, { i: input });
    await b.ok(b.staff, REVIEW, { i: input });
    expect(errorOf(await b.t.graphql(b.staff, REVIEW, { i: { ...input, rating: 'good' } }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
  });

  it('rejects a malformed period, an unknown rating and a period before the establishment, and answers NOT_FOUND and FORBIDDEN', async () => {
    const input = { pairingId, period: year, rating: 'good', comments: '' };
    expect(errorOf(await b.t.graphql(b.staff, REVIEW, { i: { ...input, period: `${year}-Q5` } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
    expect(errorOf(await b.t.graphql(b.staff, REVIEW, { i: { ...input, rating: 'perfect' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rating' });
    expect(errorOf(await b.t.graphql(b.staff, REVIEW, { i: { ...input, period: String(Number(year) - 1) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'data.period' });
    expect(errorOf(await b.t.graphql(b.staff, REVIEW, { i: { ...input, pairingId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, REVIEW, { i: input })).code).toBe('FORBIDDEN');
  });
});
