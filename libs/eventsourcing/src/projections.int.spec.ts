import type pg from 'pg';
import { createTestDatabase, eventually, type TestDatabase, waitUntilEventsVisible } from '@cogov/testing';
import {
  PostgresEventStore,
  ProjectionRunner,
  ensureEventStoreSchema,
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

/** The appeal board read model: one row per appeal, the number of progress notes and its status. */
function appealBoard(version: number, hooks: { beforeBatch?: (events: RecordedEvent[]) => Promise<void> } = {}): Projection {
  return {
    name: 'appeal_board',
    version,
    tables: ['appeal_board'],
    eventTypes: ['AppealFiled', 'ProgressNoted', 'AppealResolved'],
    async setup(client: pg.ClientBase, tables: ProjectionTables) {
      await client.query(`create table ${tables.appeal_board} (appeal_id text primary key, title text not null, notes int not null, status text not null)`);
    },
    async handle(client: pg.ClientBase, events: RecordedEvent[], tables: ProjectionTables) {
      await hooks.beforeBatch?.(events);
      for (const event of events) {
        const data = event.data as { title?: string };
        if (event.type === 'AppealFiled') {
          await client.query(`insert into ${tables.appeal_board} values ($1, $2, 0, 'open')`, [event.streamId, data.title]);
        } else if (event.type === 'ProgressNoted') {
          await client.query(`update ${tables.appeal_board} set notes = notes + 1 where appeal_id = $1`, [event.streamId]);
        } else {
          await client.query(`update ${tables.appeal_board} set status = 'resolved' where appeal_id = $1`, [event.streamId]);
        }
      }
    },
  };
}

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase('es_projections');
    // drop() ends the pool and then force-drops the database; a client still closing must not crash the run.
    db.pool.on('error', () => undefined);
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterEach(async () => {
    await db.drop();
  });

  async function fileAppeals(count: number, notes = 2) {
    for (let i = 0; i < count; i++) {
      const stream = `appeal-${uuidv7()}`;
      const events = [appealEvent('AppealFiled', { title: `appeal ${i}` })];
      for (let n = 0; n < notes; n++) events.push(appealEvent('ProgressNoted', { note: n }));
      if (i % 2 === 0) events.push(appealEvent('AppealResolved', {}));
      events.push(appealEvent('AppealRated', { rating: 'satisfied' }));
      await store.append(stream, events, { expectedVersion: 'no-stream' });
    }
    await waitUntilEventsVisible(db.pool);
  }
  const board = async () => (await db.pool.query('select * from appeal_board order by appeal_id')).rows;
  const checkpointOf = async (version: number) =>
    (await db.pool.query(`select global_position::text as p from es_checkpoints where name = $1`, [`projection:appeal_board:v${version}`])).rows[0]?.p;

  it('stores the checkpoint in the batch transaction: a handler failing mid-batch leaves neither rows nor checkpoint', async () => {
    await fileAppeals(10);
    const failing = appealBoard(1);
    let calls = 0;
    const poisoned: Projection = {
      ...failing,
      async handle(client, events, tables) {
        await failing.handle(client, events.slice(0, 5), tables);
        calls++;
        throw new Error('poison');
      },
    };
    const runner = new ProjectionRunner(db.pool, store, poisoned, { batchSize: 1000 });
    expect(await runner.prepare()).toBe('live');
    await expect(runner.catchUp()).rejects.toThrow('poison');
    expect(calls).toBe(1);
    expect(await board()).toEqual([]);
    expect(await checkpointOf(1)).toBe('0');

    const fixed = new ProjectionRunner(db.pool, store, appealBoard(1), { batchSize: 7 });
    expect(await fixed.catchUp()).toBe('live');
    const rows = await board();
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'resolved')).toHaveLength(5);
    expect(rows.every((r) => r.notes === 2)).toBe(true);
  });

  const SLOW = 30_000;

  it('follows the log live, woken by NOTIFY, on one leader at a time; a standby takes over when the leader dies', async () => {
    const errors: unknown[] = [];
    const options = { pollIntervalMs: 60_000, lockRetryMs: 200, onError: (e: unknown) => errors.push(e) };
    const a = new ProjectionRunner(db.pool, store, appealBoard(1), options);
    const b = new ProjectionRunner(db.pool, store, appealBoard(1), options);
    a.start();
    await eventually(() => a.isLeader, { what: 'a leads' });
    b.start();
    try {
      await fileAppeals(3);
      // The poll interval is a minute: only the notification can bring these in time.
      await eventually(async () => (await board()).length === 3, { timeoutMs: 5000, what: 'live rows' });
      expect(b.isLeader).toBe(false);

      // A crash: the leader's session ends without a word (PostgreSQL frees its lock), and its process is gone.
      await db.pool.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database()) and pid <> pg_backend_pid()`);
      await a.stop();
      const crashedAt = Date.now();
      await eventually(() => b.isLeader, { timeoutMs: 5000, what: 'b takes over' });
      expect(Date.now() - crashedAt).toBeLessThan(2000);
      await fileAppeals(2);
      await eventually(async () => (await board()).length === 5, { timeoutMs: 5000, what: 'rows after takeover' });
      expect(a.isLeader).toBe(false);
      expect(errors).toContainEqual(expect.objectContaining({ code: '57P01' }));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, SLOW);

  it('rebuilds a new version into fresh tables while the old one serves, then switches the view atomically', async () => {
    await fileAppeals(40);
    const v1 = new ProjectionRunner(db.pool, store, appealBoard(1), { batchSize: 50, pollIntervalMs: 100 });
    v1.start();
    try {
      await eventually(async () => (await board()).length === 40, { what: 'v1 caught up' });

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let batches = 0;
      const progress: ProjectionProgress[] = [];
      const v2 = new ProjectionRunner(
        db.pool,
        store,
        appealBoard(2, {
          beforeBatch: async () => {
            if (++batches === 2) await gate;
          },
        }),
        { batchSize: 25, pollIntervalMs: 100, onProgress: (p) => progress.push(p) },
      );
      v2.start();
      try {
        await eventually(() => batches === 2, { what: 'v2 building' });
        expect(progress[0]).toMatchObject({ projection: 'appeal_board', version: 2, mode: 'building' });

        // The rebuild is half way; the service keeps reading (v1) and writing.
        await fileAppeals(5, 3);
        await eventually(async () => (await board()).length === 45, { what: 'v1 still live during the rebuild' });
        const live = await board();
        const { rows: tables } = await db.pool.query(`select table_name from information_schema.tables where table_name like 'appeal_board_v%' order by 1`);
        expect(tables).toEqual([{ table_name: 'appeal_board_v1' }, { table_name: 'appeal_board_v2' }]);

        const reads = (async () => {
          let n = 0;
          while (!progress.some((p) => p.switched)) {
            expect((await board()).length).toBe(45);
            n++;
          }
          return n;
        })();
        release();
        expect(await reads).toBeGreaterThan(0);

        await eventually(async () => (await db.pool.query(`select active_version from es_projections`)).rows[0]?.active_version === 2, {
          what: 'switched to v2',
        });
        expect(await board()).toEqual(live);
        const after = await db.pool.query(`select table_name from information_schema.tables where table_name like 'appeal_board_v%'`);
        expect(after.rows).toEqual([{ table_name: 'appeal_board_v2' }]);
        expect(progress.filter((p) => p.switched)).toHaveLength(1);
        expect(progress[progress.length - 1]).toMatchObject({ mode: 'live', version: 2 });

        await eventually(() => !v1.isLeader, { what: 'v1 retires' });
        await fileAppeals(1);
        await eventually(async () => (await board()).length === 46, { what: 'v2 live after the switch' });
      } finally {
        await v2.stop();
      }
    } finally {
      await v1.stop();
    }
  }, SLOW);
});
