import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testDatabaseAdminUrl } from './environment.js';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  url: string;
  name: string;
  /** A pool on the fresh database, closed by `drop()`. */
  pool: pg.Pool;
  /** Closes the pool and drops the database. Call it in `afterAll`. */
  drop(): Promise<void>;
}

/** A fresh, empty database per test file, on the real PostgreSQL (never a mock). */
export async function createTestDatabase(hint = 'test'): Promise<TestDatabase> {
  const adminUrl = testDatabaseAdminUrl();
  const name = `cogov_t_${hint.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // `drop()` force-terminates sessions; a client still closing then emits an error that must not crash Jest.
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    name,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // Give sessions still closing (an app's pools and LISTEN clients after `app.close()`) a moment to leave
        // by themselves: terminating them makes their clients emit errors that can fail the test file.
        for (let waited = 0; waited < 3000; waited += 50) {
          const { rows } = await client.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          );
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Waits until every stored event is below the snapshot horizon, so a catch-up reader will see them all. The
 * horizon is cluster-wide: a transaction open in another test file's database holds it back for a moment.
 */
export async function waitUntilEventsVisible(pool: pg.Pool, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ hidden: boolean }>(
      'select exists (select 1 from es_events where transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) as hidden',
    );
    if (!rows[0]!.hidden) return;
    if (Date.now() > deadline) throw new Error(`events still behind the snapshot horizon after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
