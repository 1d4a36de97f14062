import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const REOPEN = `mutation ($a: ID!, $r: String!) { reopenAppeal(input: { appealId: $a, reason: $r }) { id status reopenCount rating resolution } }`;
const VISIT = `mutation ($a: ID!) { recordReturnVisit(input: { appealId: $a, rating: "satisfied", comment: "" }) { id } }`;

describe('reopenAppeal', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('reopen_appeal');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('reopens an appeal closed as unsatisfied, answering the new reopen count', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'closed');
    const data = await b.ok<{ reopenAppeal: unknown }>(b.staff, REOPEN, { a: appeal, r: '仍然漏水' });
    expect(data.reopenAppeal).toEqual({ id: appeal, status: 'reopened', reopenCount: 1, rating: null, resolution: null });
  });

  it('rejects an empty reason as BAD_USER_INPUT on input.reason', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'closed');
    expect(errorOf(await b.t.graphql(b.staff, REOPEN, { a: appeal, r: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, REOPEN, { a: UNKNOWN_ID, r: '仍然漏水' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for an open appeal and for one closed as satisfied', async () => {
    const open = await b.fileAppeal();
    expect(errorOf(await b.t.graphql(b.staff, REOPEN, { a: open, r: '仍然漏水' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const satisfied = await b.fileAppeal();
    await b.advanceAppeal(satisfied, 'resolved');
    await b.ok(b.staff, VISIT, { a: satisfied });
    expect(errorOf(await b.t.graphql(b.staff, REOPEN, { a: satisfied, r: '仍然漏水' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'closed');
    expect(errorOf(await b.t.graphql(b.outsider, REOPEN, { a: appeal, r: '仍然漏水' })).code).toBe('FORBIDDEN');
  });
});
