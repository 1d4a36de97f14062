import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const RESOLVE = `mutation ($a: ID!, $r: String!) { resolveAppeal(input: { appealId: $a, resolution: $r }) { id status resolution resolvedAt } }`;

describe('resolveAppeal', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('resolve_appeal');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('resolves a dispatched appeal, and an accepted one on the spot, answering the resolution', async () => {
    for (const status of ['dispatched', 'accepted'] as const) {
      const appeal = await b.fileAppeal();
      await b.advanceAppeal(appeal, status);
      const data = await b.ok<{ resolveAppeal: { resolvedAt: string } }>(b.staff, RESOLVE, { a: appeal, r: '已更换水管' });
      expect(data.resolveAppeal).toMatchObject({ id: appeal, status: 'resolved', resolution: '已更换水管' });
      expect(Date.parse(data.resolveAppeal.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('rejects an empty resolution as BAD_USER_INPUT on input.resolution', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    expect(errorOf(await b.t.graphql(b.staff, RESOLVE, { a: appeal, r: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resolution' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, RESOLVE, { a: UNKNOWN_ID, r: '已处理' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for an appeal not yet accepted', async () => {
    const appeal = await b.fileAppeal();
    expect(errorOf(await b.t.graphql(b.staff, RESOLVE, { a: appeal, r: '已处理' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    expect(errorOf(await b.t.graphql(b.outsider, RESOLVE, { a: appeal, r: '已处理' })).code).toBe('FORBIDDEN');
  });
});
