import type pg from 'pg';

/** Namespace (first key) of this library's advisory locks; the second key says what is locked. */
export const ADVISORY_LOCK_NAMESPACE = 0x636f6d73; // 'coms'

/**
 * Creates the relay checkpoint and inbox tables (idempotent). Several instances start at once, and
 * concurrent `create table if not exists` can still collide in the catalog, hence the advisory lock.
 */
export async function ensureMessagingSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1, 0)', [ADVISORY_LOCK_NAMESPACE]);
    await client.query(`
      create table if not exists msg_relay_checkpoints (
        name            text primary key,
        transaction_id  bigint not null,
        global_position bigint not null,
        updated_at      timestamptz not null default now()
      );
      create table if not exists msg_inbox (
        consumer     text not null,
        event_id     text not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      );
    `);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
