import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { BEGINNING, PostgresEventStore, ensureEventStoreSchema, uuidv7, type EventToAppend } from '../src/index.js';

export interface Row {
  name: string;
  opsPerSec: number;
  eventsPerSec: number;
  note: string;
}

export interface BenchOptions {
  /** A PostgreSQL server URL whose user may create databases; each group of measurements gets a fresh one. */
  databaseUrl: string;
  log: (line: string) => void;
  /** Measuring time per row (default 3000 ms, after a 300 ms warm-up): keeps the whole run under 3 minutes. */
  durationMs?: number;
  /** Events in the catch-up reading measurement (default 200,000). */
  readEvents?: number;
}

const metadata = () => ({
  eventId: uuidv7(),
  actor: 'user:bench',
  communityId: 'community:bench',
  correlationId: uuidv7(),
  causationId: uuidv7(),
  occurredAt: new Date().toISOString(),
});
const payload = { title: 'The lift in building 3 is broken', channel: 'hotline', category: 'facilities', priority: 2 };
const ourEvent = (): EventToAppend => ({ type: 'AppealFiled', data: payload, metadata: metadata() });

/**
 * Event store throughput against the raw `pg` driver and emmett-postgresql, each on a fresh database.
 * Every op writes to a stream of its own, so no measurement includes conflicts.
 */
export async function benchEventStore({ databaseUrl, log, durationMs = 3000, readEvents = 200_000 }: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const record = (row: Row) => {
    rows.push(row);
    log(`${row.name.padEnd(44)} ${row.opsPerSec.toFixed(0).padStart(8)} ops/s ${row.eventsPerSec.toFixed(0).padStart(9)} events/s  ${row.note}`);
  };
  const measure = (concurrency: number, op: (worker: number) => Promise<number>) => throughput(durationMs, concurrency, op);

  await withDatabase(databaseUrl, 'ours', async (url) => {
    const pool = quietPool(url, 34);
    try {
      await ensureEventStoreSchema(pool);
      for (const notify of [true, false]) {
        const store = new PostgresEventStore(pool, { notify });
        const suffix = notify ? '' : ', no NOTIFY';
        for (const c of notify ? [1, 8, 32] : [1, 8]) {
          record({
            name: `cogov append 1 event, c=${c}${suffix}`,
            ...(await measure(c, async () => (await store.append(`s-${uuidv7()}`, [ourEvent()], { expectedVersion: 'no-stream' }), 1))),
            note: notify ? 'one statement (CTE) in autocommit; coalesced NOTIFY after commit' : 'the same without NOTIFY: the cost of waking readers',
          });
        }
      }
      const store = new PostgresEventStore(pool);
      for (const c of [1, 4]) {
        record({
          name: `cogov append 100 events, ${c} writer(s)`,
          ...(await measure(c, async () => {
            await store.append(`s-${uuidv7()}`, Array.from({ length: 100 }, ourEvent), { expectedVersion: 'no-stream' });
            return 100;
          })),
          note: 'one statement per 100-event batch',
        });
      }
    } finally {
      await pool.end();
    }
  });

  await withDatabase(databaseUrl, 'raw', async (url) => {
    const pool = quietPool(url, 34);
    try {
      await ensureEventStoreSchema(pool);
      await pool.query('create table bench_streams (stream_id text primary key, version bigint not null)');
      const rawAppend = async (events: EventToAppend[]) => {
        const client = await pool.connect();
        try {
          const stream = `s-${uuidv7()}`;
          await client.query('begin');
          await client.query({
            name: 'raw_insert',
            text: `insert into es_events (event_id, stream_id, stream_version, event_type, data, metadata)
                   select id, $1, n, type, data, meta from unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) with ordinality as e(id, type, data, meta, n)`,
            values: [stream, events.map((e) => e.metadata.eventId), events.map((e) => e.type), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))],
          });
          await client.query({ name: 'raw_stream', text: 'insert into bench_streams values ($1, $2)', values: [stream, events.length] });
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
        return events.length;
      };
      const note = 'raw pg: BEGIN; INSERT the event row(s) into the same es_events table (same indexes); INSERT a streams row; COMMIT';
      for (const c of [1, 8, 32]) record({ name: `raw pg 1 event + 1 row, c=${c}`, ...(await measure(c, () => rawAppend([ourEvent()]))), note });
      for (const c of [1, 4]) {
        record({ name: `raw pg 100 events + 1 row, ${c} writer(s)`, ...(await measure(c, () => rawAppend(Array.from({ length: 100 }, ourEvent)))), note });
      }
    } finally {
      await pool.end();
    }
  });

  await withDatabase(databaseUrl, 'emmett', async (url) => {
    // Our own pool with an error listener: emmett's would crash the process when the database is dropped.
    const pool = quietPool(url, 34);
    const emmett = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
    try {
      await emmett.schema.migrate();
      const event = () => ({ type: 'AppealFiled', data: payload, metadata: { correlationId: uuidv7() } });
      const note = '@event-driven-io/emmett-postgresql 0.42 appendToStream (plpgsql function), STREAM_DOES_NOT_EXIST';
      for (const c of [1, 8, 32]) {
        record({
          name: `emmett append 1 event, c=${c}`,
          ...(await measure(c, async () => (await emmett.appendToStream(`s-${uuidv7()}`, [event()], { expectedStreamVersion: STREAM_DOES_NOT_EXIST }), 1))),
          note,
        });
      }
      for (const c of [1, 4]) {
        record({
          name: `emmett append 100 events, ${c} writer(s)`,
          ...(await measure(c, async () => {
            await emmett.appendToStream(`s-${uuidv7()}`, Array.from({ length: 100 }, event), { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
            return 100;
          })),
          note,
        });
      }
    } finally {
      await emmett.close();
      await pool.end();
    }
  });

  await withDatabase(databaseUrl, 'read', async (url) => {
    const pool = quietPool(url, 4);
    try {
      await ensureEventStoreSchema(pool);
      // Seeded in SQL, 5,000 events per transaction, so the reader crosses many transaction ids.
      for (let seeded = 0; seeded < readEvents; seeded += 5000) {
        await pool.query(
          `insert into es_events (event_id, stream_id, stream_version, event_type, data, metadata)
           select gen_random_uuid(), 's-' || ($1::int + g) / 10, ($1::int + g) % 10 + 1, 'AppealFiled', $2::jsonb, $3::jsonb
           from generate_series(0, 4999) g`,
          [seeded, JSON.stringify(payload), JSON.stringify(metadata())],
        );
      }
      await pool.query('vacuum analyze es_events');
      const store = new PostgresEventStore(pool);
      for (const limit of [1000, 5000]) {
        const started = performance.now();
        let checkpoint = BEGINNING;
        let read = 0;
        let batches = 0;
        for (;;) {
          const batch = await store.readAll(checkpoint, { limit });
          read += batch.events.length;
          batches++;
          checkpoint = batch.checkpoint;
          if (batch.events.length < limit) break;
        }
        const seconds = (performance.now() - started) / 1000;
        record({
          name: `cogov readAll catch-up, batch ${limit}`,
          opsPerSec: batches / seconds,
          eventsPerSec: read / seconds,
          note: `${read} events from BEGINNING into RecordedEvent objects (JSON parsed, empty upcaster registry)`,
        });
      }
    } finally {
      await pool.end();
    }
  });

  return rows;
}

/** Runs `op` on `concurrency` workers for `durationMs` (after a warm-up); `op` returns the events it wrote. */
async function throughput(durationMs: number, concurrency: number, op: (worker: number) => Promise<number>): Promise<{ opsPerSec: number; eventsPerSec: number }> {
  const run = async (ms: number) => {
    const deadline = performance.now() + ms;
    let ops = 0;
    let events = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (performance.now() < deadline) {
          const written = await op(worker);
          events += written;
          ops++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { opsPerSec: ops / seconds, eventsPerSec: events / seconds };
  };
  await run(300);
  return run(durationMs);
}

/** The database is dropped WITH (FORCE) right after: idle clients being cut off then is expected. */
function quietPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}

async function withDatabase(adminUrl: string, hint: string, work: (url: string) => Promise<void>): Promise<void> {
  const name = `cogov_bench_${hint}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
