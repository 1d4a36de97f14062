import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const VISIT = `mutation ($a: ID!, $r: String!) { recordReturnVisit(input: { appealId: $a, rating: $r, comment: "师傅很负责" }) { id status rating resolution } }`;

describe('recordReturnVisit', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('record_return_visit');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('closes a resolved appeal with the rating, and the month metrics count it at once', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'resolved');
    const data = await b.ok<{ recordReturnVisit: unknown }>(b.staff, VISIT, { a: appeal, r: 'satisfied' });
    expect(data.recordReturnVisit).toEqual({ id: appeal, status: 'closed', rating: 'satisfied', resolution: '已更换水管' });
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const metrics = await b.ok<{ communityMonthlyMetrics: { rated: number; satisfied: number } }>(
      b.staff,
      `query ($c: ID!, $m: String!) { communityMonthlyMetrics(communityId: $c, month: $m) { rated satisfied } }`,
      { c: b.communityId, m: month },
    );
    expect(metrics.communityMonthlyMetrics).toEqual({ rated: 1, satisfied: 1 });
  });

  it('rejects an unknown rating as BAD_USER_INPUT on input.rating', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'resolved');
    expect(errorOf(await b.t.graphql(b.staff, VISIT, { a: appeal, r: 'thrilled' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rating' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, VISIT, { a: UNKNOWN_ID, r: 'satisfied' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for an appeal not yet resolved', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    expect(errorOf(await b.t.graphql(b.staff, VISIT, { a: appeal, r: 'satisfied' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'resolved');
    expect(errorOf(await b.t.graphql(b.outsider, VISIT, { a: appeal, r: 'satisfied' })).code).toBe('FORBIDDEN');
  });
});
