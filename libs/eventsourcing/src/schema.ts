import type pg from 'pg';

/** Channel NOTIFYed by every append that stored at least one event, so readers wake without polling. */
export const EVENTS_CHANNEL = 'es_events';

/**
 * The event store's tables (ADR 0001). Idempotent: every statement is `if not exists`, and the whole script
 * runs under a transaction-level advisory lock so that instances starting together do not race on the catalog.
 */
export const EVENT_STORE_SCHEMA_SQL = /* sql */ `
-- The append-only log, and the outbox: the relay and projections read it, nothing else is written on append.
create table if not exists es_events (
  global_position bigserial primary key,
  -- Readers order by (transaction_id, global_position) and stop below the snapshot xmin, so an event
  -- whose transaction commits late is never skipped (positions are assigned at insert, not at commit).
  transaction_id  xid8        not null default pg_current_xact_id(),
  -- The idempotency key of an append and the dedupe key of every consumer.
  event_id        uuid        not null constraint es_events_event_id_unique unique,
  stream_id       text        not null,
  -- 1-based; the unique pair below is what enforces the expected version, not application code.
  stream_version  bigint      not null check (stream_version > 0),
  event_type      text        not null,
  -- Version of the payload as written; old payloads are upcast on read, never rewritten.
  schema_version  int         not null default 1,
  data            jsonb       not null,
  metadata        jsonb       not null,
  recorded_at     timestamptz not null default now(),
  constraint es_events_stream_version_unique unique (stream_id, stream_version)
);

-- The global reader's access path: a range scan from the checkpoint pair up to the snapshot horizon.
create index if not exists es_events_global_order on es_events (transaction_id, global_position);

-- Positions of global readers (projections, the Kafka relay), stored in the same transaction as their effect.
create table if not exists es_checkpoints (
  name            text        primary key,
  transaction_id  xid8        not null default '0',
  global_position bigint      not null default 0,
  updated_at      timestamptz not null default now()
);

-- A cache of evolve over a stream prefix. Dropping any row changes nothing but load time.
-- snapshot_name changes when the state's shape does, so an old snapshot is ignored rather than misread.
create table if not exists es_snapshots (
  stream_id      text        not null,
  snapshot_name  text        not null,
  stream_version bigint      not null,
  state          jsonb       not null,
  taken_at       timestamptz not null default now(),
  primary key (stream_id, snapshot_name)
);

-- Which version of each projection serves reads, and its physical tables (logical name -> physical name).
create table if not exists es_projections (
  name           text        primary key,
  active_version int         not null,
  tables         jsonb       not null,
  switched_at    timestamptz not null default now()
);
-- An operator-requested rebuild of the active version (projection-rebuild.ts) builds a new generation of its
-- tables (<table>_v<N>_g<k>) beside the serving one. rebuild_generation is set while one is requested or running.
alter table es_projections add column if not exists generation           int not null default 0;
alter table es_projections add column if not exists rebuild_generation   int;
alter table es_projections add column if not exists rebuild_requested_at timestamptz;
alter table es_projections add column if not exists rebuild_started_at   timestamptz;
alter table es_projections add column if not exists rebuilt_at           timestamptz;

-- One random AES-256 key per data subject, wrapped (AES-256-GCM) under the master key from config.
-- Deleting a row is the erasure: every ciphertext under that key becomes unreadable, Kafka copies included.
create table if not exists es_subject_keys (
  subject     text        primary key,
  wrapped_key bytea       not null,
  created_at  timestamptz not null default now()
);
`;

/** Creates the event store's tables if they are missing. Safe to call from every instance at start-up. */
export async function ensureEventStoreSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtextextended('es_schema', 0))`);
    await client.query(EVENT_STORE_SCHEMA_SQL);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
