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
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
