import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const ACCEPT = `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id status location description } }`;

describe('acceptAppeal', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('accept_appeal');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('accepts a filed appeal right after filing, answering the board fields', async () => {
    const appeal = await b.fileAppeal();
    const data = await b.ok<{ acceptAppeal: unknown }>(b.staff, ACCEPT, { a: appeal });
    expect(data.acceptAppeal).toEqual({ id: appeal, status: 'accepted', location: '3-2-301', description: '楼道漏水' });
  });

  it('rejects a malformed id as BAD_USER_INPUT on input.appealId', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ACCEPT, { a: 'appeal-1' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appealId' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ACCEPT, { a: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) to the second of two acceptances', async () => {
    const appeal = await b.fileAppeal();
    await b.ok(b.staff, ACCEPT, { a: appeal });
    expect(errorOf(await b.t.graphql(b.staff, ACCEPT, { a: appeal }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    expect(errorOf(await b.t.graphql(b.outsider, ACCEPT, { a: appeal })).code).toBe('FORBIDDEN');
  });
});
