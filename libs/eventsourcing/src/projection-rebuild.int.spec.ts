import type pg from 'pg';
import { createTestDatabase, eventually, type TestDatabase, waitUntilEventsVisible } from '@cogov/testing';
import {
  PostgresEventStore,
  ProjectionRunner,
  ensureEventStoreSchema,
  projectionStatus,
  requestRebuild,
  uuidv7,
  type EventToAppend,
  type Projection,
  type ProjectionProgress,
  type ProjectionTables,
  type RecordedEvent,
} from './index.js';

const appealEvent = (type: string, data: object): EventToAppend => ({
  type,
  data,
  metadata: {
    eventId: uuidv7(),
    actor: 'user:1',
    communityId: 'community:1',
    correlationId: uuidv7(),
    causationId: uuidv7(),
    occurredAt: '2026-11-21T05:11:55.000Z',
  },
});

type BatchHook = (events: RecordedEvent[], tables: ProjectionTables) => Promise<void>;

/** One row per appeal; `table` lets a second, independent copy be replayed from zero for comparison. */
function appealBoard(hook?: BatchHook, table = 'appeal_board'): Projection {
  return {
    name: table,
    version: 1,
    tables: [table],
    eventTypes: ['AppealFiled', 'ProgressNoted', 'AppealResolved'],
    async setup(client: pg.ClientBase, tables: ProjectionTables) {
      await client.query(`create table ${tables[table]} (appeal_id text primary key, title text not null, notes int not null, status text not null)`);
    },
    async handle(client: pg.ClientBase, events: RecordedEvent[], tables: ProjectionTables) {
      await hook?.(events, tables);
      const t = tables[table];
      for (const event of events) {
        const data = event.data as { title?: string };
        if (event.type === 'AppealFiled') await client.query(`insert into ${t} values ($1, $2, 0, 'open')`, [event.streamId, data.title]);
        else if (event.type === 'ProgressNoted') await client.query(`update ${t} set notes = notes + 1 where appeal_id = $1`, [event.streamId]);
        else await client.query(`update ${t} set status = 'resolved' where appeal_id = $1`, [event.streamId]);
      }
    },
  };
}

const isRebuildBatch = (tables: ProjectionTables) => Object.values(tables).some((t) => /_g\d+$/.test(t));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rebuild of the active projection version on request', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let filed = 0;

  beforeEach(async () => {
    db = await createTestDatabase('es_rebuild');
    db.pool.on('error', () => undefined);
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
    filed = 0;
  });
  afterEach(async () => {
    await db.drop();
  });

  async function fileAppeals(count: number) {
    for (let i = 0; i < count; i++) {
      const n = filed++;
      const events = [appealEvent('AppealFiled', { title: `appeal ${n}` }), appealEvent('ProgressNoted', {}), appealEvent('ProgressNoted', {})];
      if (n % 2 === 0) events.push(appealEvent('AppealResolved', {}));
      events.push(appealEvent('AppealRated', { rating: 'satisfied' }));
      await store.append(`appeal-${uuidv7()}`, events, { expectedVersion: 'no-stream' });
    }
    await waitUntilEventsVisible(db.pool);
  }
  const rows = async (view = 'appeal_board') => (await db.pool.query(`select * from ${view} order by appeal_id`)).rows;
  const physical = async () =>
    (await db.pool.query<{ table_name: string }>(`select table_name from information_schema.tables where table_name like 'appeal_board_v%' order by 1`)).rows.map(
      (r) => r.table_name,
    );
  /** What a fresh runner replaying the whole log from zero gives, in tables of its own. */
  async function freshReplay() {
    const fresh = new ProjectionRunner(db.pool, store, appealBoard(undefined, 'appeal_board_check'), { batchSize: 1000 });
    await fresh.prepare();
    await fresh.catchUp();
    return rows('appeal_board_check');
  }

  const SLOW = 60_000;

  it('rebuilds while writers append and readers read, switches at the live checkpoint, equals a fresh replay, drops the old tables', async () => {
    await fileAppeals(60);
    let rebuildBatches = 0;
    // From its 4th batch on, the rebuild fails (and is retried) until the test lets it finish; live batches go on.
    let paused = true;
    const progress: ProjectionProgress[] = [];
    const errors: unknown[] = [];
    const leader = new ProjectionRunner(
      db.pool,
      store,
      appealBoard(async (_events, tables) => {
        if (!isRebuildBatch(tables)) return;
        if (++rebuildBatches >= 4 && paused) throw new Error('paused by the test');
        await sleep(10);
      }),
      { batchSize: 40, pollIntervalMs: 50, onProgress: (p) => progress.push(p), onError: (e) => errors.push(e) },
    );
    leader.start();
    try {
      await eventually(async () => (await rows()).length === 60, { what: 'live read model caught up' });
      expect(await projectionStatus(db.pool, 'appeal_board')).toMatchObject({ activeVersion: 1, generation: 0, leader: true, rebuild: undefined });

      // Readers keep querying the view during the whole rebuild: never an error, never a row less.
      let reading = true;
      const reads = (async () => {
        let n = 0;
        let last = 0;
        while (reading) {
          const count = (await rows()).length;
          expect(count).toBeGreaterThanOrEqual(last);
          last = count;
          n++;
        }
        return n;
      })();
      let writing = true;
      const writes = (async () => {
        while (writing) {
          await fileAppeals(1);
          await sleep(5);
        }
      })();

      const request = await requestRebuild(db.pool, 'appeal_board');
      expect(request).toMatchObject({ projection: 'appeal_board', version: 1, generation: 1, alreadyRequested: false });
      await eventually(() => rebuildBatches >= 4, { what: 'rebuild half way' });

      // Half way: the old generation serves and stays current, the new one is built beside it.
      expect(await physical()).toEqual(['appeal_board_v1', 'appeal_board_v1_g1']);
      const during = await projectionStatus(db.pool, 'appeal_board', { counts: true });
      expect(during).toMatchObject({ generation: 0, rebuild: { generation: 1, startedAt: expect.any(Date) } });
      expect(during!.rebuild!.events).toBe(120);
      expect(during!.total).toBeGreaterThan(120);
      expect(progress).toContainEqual(expect.objectContaining({ mode: 'rebuilding', generation: 1, eventsPerSecond: expect.any(Number) }));
      const before = (await rows()).length;
      await eventually(async () => (await rows()).length > before + 2, { what: 'live rows move on during the rebuild' });

      // A second request while one runs changes nothing.
      expect(await requestRebuild(db.pool, 'appeal_board')).toMatchObject({ generation: 1, alreadyRequested: true, requestedAt: request.requestedAt });

      writing = false;
      await writes;
      await eventually(async () => (await rows()).length === filed, { what: 'live read model has every write' });
      const live = await rows();
      paused = false;
      await eventually(() => progress.some((p) => p.switched), { what: 'rebuilt generation switched in' });
      reading = false;
      expect(await reads).toBeGreaterThan(0);

      expect(await rows()).toEqual(live);
      expect(await freshReplay()).toEqual(live);
      expect(await physical()).toEqual(['appeal_board_v1_g1']);
      expect(progress.filter((p) => p.switched)).toEqual([expect.objectContaining({ mode: 'live', generation: 1 })]);
      const after = await projectionStatus(db.pool, 'appeal_board');
      expect(after).toMatchObject({ activeVersion: 1, generation: 1, tables: { appeal_board: 'appeal_board_v1_g1' }, rebuild: undefined, rebuiltAt: expect.any(Date) });
      const { rows: checkpoints } = await db.pool.query(`select name from es_checkpoints where name like 'projection:appeal_board:%' order by 1`);
      expect(checkpoints).toEqual([{ name: 'projection:appeal_board:v1' }]);

      // Live on the new generation; the next request builds generation 2.
      await fileAppeals(1);
      await eventually(async () => (await rows()).length === filed, { what: 'live after the switch' });
      expect(await requestRebuild(db.pool, 'appeal_board')).toMatchObject({ generation: 2, alreadyRequested: false });
      await eventually(async () => (await projectionStatus(db.pool, 'appeal_board'))?.generation === 2, { what: 'generation 2' });
      expect(await physical()).toEqual(['appeal_board_v1_g2']);
      expect(await rows()).toEqual(await freshReplay());
      expect(errors.filter((e) => !String(e).includes('paused by the test'))).toEqual([]);
    } finally {
      paused = false;
      await leader.stop();
    }
  }, SLOW);

  it('a leader killed mid-rebuild leaves it to the standby, which resumes from the rebuild checkpoint', async () => {
    await fileAppeals(50);
    let aRebuildBatches = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const options = { batchSize: 20, pollIntervalMs: 50, lockRetryMs: 200, onError: () => undefined };
    const a = new ProjectionRunner(
      db.pool,
      store,
      appealBoard(async (_events, tables) => {
        if (isRebuildBatch(tables) && ++aRebuildBatches === 3) await gate;
      }),
      options,
    );
    const bProgress: ProjectionProgress[] = [];
    const b = new ProjectionRunner(db.pool, store, appealBoard(), { ...options, onProgress: (p) => bProgress.push(p) });
    a.start();
    await eventually(() => a.isLeader, { what: 'a leads' });
    b.start();
    try {
      await eventually(async () => (await rows()).length === 50, { what: 'caught up' });
      await requestRebuild(db.pool, 'appeal_board');
      await eventually(() => aRebuildBatches === 3, { what: 'a half way through the rebuild' });
      const replayedByA = (await projectionStatus(db.pool, 'appeal_board', { counts: true }))!.rebuild!.events!;
      expect(replayedByA).toBe(40);

      // a's process hangs in a batch and its session dies: the lock is free, a's open batch has written nothing.
      await db.pool.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database()) and pid <> pg_backend_pid()`);
      await eventually(() => b.isLeader, { timeoutMs: 5000, what: 'b takes over' });
      await fileAppeals(3);
      await eventually(() => bProgress.some((p) => p.switched), { what: 'b switches the rebuild in' });

      const rebuiltByB = bProgress.filter((p) => p.mode === 'rebuilding');
      expect(rebuiltByB[0]!.processed).toBeLessThanOrEqual(20);
      const at = bProgress.find((p) => p.switched)!.checkpoint;
      const { rows: counted } = await db.pool.query(`select count(*)::int as n from es_events where (transaction_id, global_position) <= ($1::xid8, $2::bigint)`, [
        at.transactionId,
        at.globalPosition,
      ]);
      expect(rebuiltByB[rebuiltByB.length - 1]!.processed).toBe(counted[0].n - replayedByA);

      // a's stale batch wakes up after the switch: its checkpoint is gone, so it rolls back.
      release();
      await a.stop();
      await eventually(async () => (await rows()).length === filed, { what: 'b live' });
      expect(await rows()).toEqual(await freshReplay());
      expect(await physical()).toEqual(['appeal_board_v1_g1']);
      expect(await projectionStatus(db.pool, 'appeal_board')).toMatchObject({ generation: 1, rebuild: undefined });
    } finally {
      release();
      await Promise.all([a.stop(), b.stop()]);
    }
  }, SLOW);

  it('a version bump supersedes a pending rebuild of the old version and drops its tables', async () => {
    await fileAppeals(20);
    let rebuildBatches = 0;
    const errors: unknown[] = [];
    const v1 = new ProjectionRunner(
      db.pool,
      store,
      appealBoard(async (_e, tables) => {
        if (isRebuildBatch(tables) && ++rebuildBatches === 2) throw new Error('rebuild handler failed');
      }),
      { batchSize: 10, onError: (e) => errors.push(e) },
    );
    await v1.prepare();
    await v1.catchUp();
    await requestRebuild(db.pool, 'appeal_board');
    // The rebuild's second batch fails: reported, and the live catch-up still ends; the new generation is half built.
    expect(await v1.catchUp()).toBe('live');
    expect(errors).toEqual([expect.objectContaining({ message: 'rebuild handler failed' })]);
    expect(await physical()).toEqual(['appeal_board_v1', 'appeal_board_v1_g1']);
    const v2 = new ProjectionRunner(db.pool, store, { ...appealBoard(), version: 2 }, { batchSize: 1000 });
    expect(await v2.prepare()).toBe('building');
    expect(await v2.catchUp()).toBe('live');
    expect(await physical()).toEqual(['appeal_board_v2']);
    expect(await projectionStatus(db.pool, 'appeal_board')).toMatchObject({ activeVersion: 2, generation: 0, rebuild: undefined });
    const { rows: checkpoints } = await db.pool.query(`select name from es_checkpoints order by 1`);
    expect(checkpoints).toEqual([{ name: 'projection:appeal_board:v2' }]);
    expect(await v1.catchUp()).toBe('retired');
  });

  it('prepare() rebuilds the serving generation when its live checkpoint is lost', async () => {
    await fileAppeals(10);
    const runner = new ProjectionRunner(db.pool, store, appealBoard(), { batchSize: 7 });
    await runner.prepare();
    await runner.catchUp();
    await requestRebuild(db.pool, 'appeal_board');
    await runner.catchUp();
    const expected = await rows();
    expect(await physical()).toEqual(['appeal_board_v1_g1']);
    await db.pool.query(`delete from es_checkpoints where name = 'projection:appeal_board:v1'`);
    expect(await runner.prepare()).toBe('live');
    expect(await rows()).toEqual([]);
    await runner.catchUp();
    expect(await rows()).toEqual(expected);
  });

  it('ensureEventStoreSchema adds the rebuild columns to a registry created before them', async () => {
    await db.pool.query(`alter table es_projections drop column generation, drop column rebuild_generation, drop column rebuild_requested_at,
      drop column rebuild_started_at, drop column rebuilt_at`);
    await ensureEventStoreSchema(db.pool);
    await ensureEventStoreSchema(db.pool);
    const { rows: columns } = await db.pool.query(`select column_name from information_schema.columns where table_name = 'es_projections' order by 1`);
    expect(columns.map((c) => c.column_name)).toEqual(
      expect.arrayContaining(['generation', 'rebuild_generation', 'rebuild_requested_at', 'rebuild_started_at', 'rebuilt_at']),
    );
  });
});
