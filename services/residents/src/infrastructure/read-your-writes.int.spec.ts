import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { BackgroundWork, checkpointAtOrAfter, ReadYourWrites } from '@cogov/service-kit';
import { startCommandTestBed, type CommandTestBed } from '../../test/residents-fixtures.js';

const TIMEOUT_MS = 500;
const ACCEPT = `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id status location description } }`;

describe('read-your-writes answers', () => {
  let b: CommandTestBed;
  let work: BackgroundWork;
  const stopProjections = () => Promise.all(work.runners.map((runner) => runner.stop()));
  const startProjections = () => work.runners.forEach((runner) => runner.start());
  const lastCheckpoint = async () => {
    const { rows } = await b.t.db.pool.query<{ transaction_id: string; global_position: string }>(
      'select transaction_id::text, global_position::text from es_events order by global_position desc limit 1',
    );
    return { transactionId: rows[0]!.transaction_id, globalPosition: rows[0]!.global_position };
  };

  beforeAll(async () => {
    b = await startCommandTestBed('read_your_writes', { READ_YOUR_WRITES_TIMEOUT_MS: String(TIMEOUT_MS) });
    work = b.t.app.get(BackgroundWork);
  }, 60_000);
  afterEach(() => {
    startProjections();
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('holds the answer until the board has the event, then answers from the board', async () => {
    const appeal = await b.fileAppeal();
    await stopProjections();
    const started = Date.now();
    const answer = b.t.graphql(b.staff, ACCEPT, { a: appeal });
    await new Promise((resolve) => setTimeout(resolve, 150));
    startProjections();
    const res = await answer;
    expect(res.data).toEqual({ acceptAppeal: { id: appeal, status: 'accepted', location: '3-2-301', description: '楼道漏水' } });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
  });

  it('answers from the aggregate state and warns once the wait times out', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await stopProjections();
    const started = Date.now();
    const res = await b.t.graphql<{ fileAppeal: Record<string, unknown> }>(
      b.staff,
      `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { status category location description notes { note } } }`,
      { i: { communityId: b.communityId, gridId: b.gridId, channel: 'app', category: 'environment.noise', description: '夜间施工', location: '2号楼' } },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(res.errors).toBeUndefined();
    expect(res.data?.fileAppeal).toEqual({ status: 'filed', category: 'environment.noise', location: null, description: null, notes: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('fileAppeal: appeal-board not at the command'));
  });

  it("wakes another instance's waiters through the NOTIFY of the instance that leads the projections", async () => {
    const other = new ReadYourWrites(b.t.db.pool, 10_000, 'residents');
    await other.start();
    try {
      await stopProjections();
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      await b.t.graphql(b.staff, `mutation ($c: ID!) { delineateGrid(input: { communityId: $c, name: "第九网格" }) { id } }`, { c: b.communityId });
      const target = await lastCheckpoint();
      const started = Date.now();
      const waiting = other.waitFor(['community-directory'], target, 'test');
      startProjections();
      expect(await waiting).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await other.stop();
    }
  });

  it('orders checkpoints by transaction id first, then global position', () => {
    expect(checkpointAtOrAfter({ transactionId: '10', globalPosition: '5' }, { transactionId: '9', globalPosition: '7' })).toBe(true);
    expect(checkpointAtOrAfter({ transactionId: '10', globalPosition: '5' }, { transactionId: '10', globalPosition: '5' })).toBe(true);
    expect(checkpointAtOrAfter({ transactionId: '10', globalPosition: '5' }, { transactionId: '10', globalPosition: '6' })).toBe(false);
    expect(checkpointAtOrAfter({ transactionId: '9', globalPosition: '100' }, { transactionId: '10', globalPosition: '6' })).toBe(false);
  });
});
