import type pg from 'pg';
import { EventIdReuse, StreamVersionConflict } from './errors.js';
import { EVENTS_CHANNEL } from './schema.js';
import { UpcasterRegistry } from './upcasters.js';
import type { AppendResult, EventMetadata, ExpectedVersion, GlobalCheckpoint, RecordedEvent } from './types.js';

/** An event to append: its id travels in `metadata.eventId` (the idempotency key). */
export interface EventToAppend {
  type: string;
  data: object;
  metadata: EventMetadata;
  /** Schema version of `data`; defaults to the newest version the upcaster registry knows for `type`. */
  schemaVersion?: number;
}

/** What an append stored (or, for an idempotent re-append, had stored), as recorded events. */
export interface AppendOutcome extends AppendResult {
  events: RecordedEvent[];
}

export interface PostgresEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** NOTIFY `EVENTS_CHANNEL` after appends (default true). Turn off only to measure its cost. */
  notify?: boolean;
}

/** Anything that runs a query: the pool, or a client inside a caller's transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

// Postgres unique_violation.
const UNIQUE_VIOLATION = '23505';
// An 'any' append computes its versions from max(stream_version); a concurrent writer can take them first.
const ANY_VERSION_ATTEMPTS = 5;

// ISO-8601 UTC formatted by the server: cheaper than parsing a timestamp into a Date and back per row.
const RECORDED_AT = (alias: string) => `to_char(${alias}.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One statement, hence one round trip and its own implicit transaction: read the stream's current version,
 * and insert the events at the following versions only if it is the expected one.
 * The unique (stream_id, stream_version) index is the real guard: of two writers that both saw version N,
 * the second blocks on the index until the first commits, then fails with a unique violation.
 * The left join returns one row even when nothing was inserted, carrying the version that was found.
 */
const APPEND_SQL = /* sql */ `
with cur as (
  select coalesce(max(stream_version), 0) as v from es_events where stream_id = $1
), ins as (
  insert into es_events (event_id, stream_id, stream_version, event_type, schema_version, data, metadata)
  select e.id, $1, cur.v + e.n, e.type, e.sv, e.data, e.meta
  from cur, unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[]) with ordinality as e(id, type, sv, data, meta, n)
  where $2::bigint is null or cur.v = $2::bigint
  returning global_position, transaction_id, stream_version, recorded_at
)
select cur.v::int as current_version,
       ins.global_position::text as global_position,
       ins.transaction_id::text as transaction_id,
       ins.stream_version::int as stream_version,
       ${RECORDED_AT('ins')} as recorded_at
from cur left join ins on true
order by ins.stream_version`;

// Text casts keep bigint/xid8 exact in JS. They shadow the column names in ORDER BY (which prefers output
// columns), so every ORDER BY below names the table: sorting '100' before '99' would break the global order.
const EVENT_COLUMNS = /* sql */ `global_position::text as global_position, transaction_id::text as transaction_id,
  event_id::text as event_id, stream_id, stream_version::int as stream_version, event_type, schema_version,
  data, metadata, ${RECORDED_AT('es_events')} as recorded_at`;

const READ_STREAM_SQL = /* sql */ `select ${EVENT_COLUMNS} from es_events
where stream_id = $1 and stream_version >= $2 and stream_version <= $3 order by es_events.stream_version`;

/**
 * The gap-free global read (ADR 0001): only transactions older than the snapshot's xmin, all of which have
 * ended, so no event can ever appear below the returned checkpoint. The row comparison uses the
 * (transaction_id, global_position) index as a range scan.
 */
const READ_ALL_SQL = /* sql */ `select ${EVENT_COLUMNS} from es_events
where (transaction_id, global_position) > ($1::xid8, $2::bigint)
  and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
order by es_events.transaction_id, es_events.global_position
limit $3`;

const STREAM_VERSION_SQL = /* sql */ `select coalesce(max(stream_version), 0)::int as v from es_events where stream_id = $1`;

const EXISTING_IDS_SQL = /* sql */ `select ${EVENT_COLUMNS} from es_events where event_id = any($1::uuid[]) order by es_events.global_position`;

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: string;
}

interface AppendRow {
  current_version: number;
  global_position: string | null;
  transaction_id: string | null;
  stream_version: number | null;
  recorded_at: string | null;
}

/** PostgreSQL event store (ADR 0001). Stateless apart from prepared statement names: share one per pool. */
export class PostgresEventStore {
  readonly upcasters: UpcasterRegistry;
  private readonly notify: boolean;
  private notifying = false;
  private notifyAgain = false;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.notify = options.notify ?? true;
  }

  /**
   * Appends `events` to `streamId` if the stream is at `expectedVersion` (`'no-stream'` is version 0, `'any'`
   * skips the check). One round trip on the happy path.
   * @throws StreamVersionConflict when the stream is elsewhere (another writer won), EventIdReuse when an
   * event id is already used by other events. Re-appending exactly the same ids to the same stream returns the
   * original result with `appended: false`.
   */
  async append(streamId: string, events: readonly EventToAppend[], { expectedVersion }: { expectedVersion: ExpectedVersion }): Promise<AppendOutcome> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const expected = expectedVersion === 'any' ? null : expectedVersion === 'no-stream' ? 0 : expectedVersion;
    const ids = events.map((e) => e.metadata.eventId);
    const values = [
      streamId,
      expected,
      ids,
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion ?? this.upcasters.currentVersion(e.type)),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ];

    let underStreamLock = false;
    for (let attempt = 1; ; attempt++) {
      let rows: AppendRow[];
      try {
        rows = underStreamLock
          ? await this.appendUnderStreamLock(streamId, values)
          : (await this.pool.query<AppendRow>({ name: 'es_append', text: APPEND_SQL, values })).rows;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (error.constraint === 'es_events_event_id_unique') return this.replayedAppend(streamId, ids, expectedVersion);
        const replay = await this.replayedAppendOrUndefined(streamId, ids);
        if (replay) return replay;
        if (expected === null && attempt < ANY_VERSION_ATTEMPTS) {
          // Lost a race at 'any': queue behind the other 'any' writers of this stream instead of racing again,
          // so N concurrent 'any' appends cannot exhaust the attempts (only a writer at an exact version can
          // still slip in between, and it takes one attempt each).
          underStreamLock = true;
          continue;
        }
        throw new StreamVersionConflict(streamId, expectedVersion, await this.streamVersion(streamId));
      }
      const first = rows[0]!;
      if (first.global_position === null) {
        const replay = await this.replayedAppendOrUndefined(streamId, ids);
        if (replay) return replay;
        throw new StreamVersionConflict(streamId, expectedVersion, first.current_version);
      }
      this.wakeReaders();
      const recorded = rows.map((row, i) => this.toRecorded(streamId, events[i]!, row));
      const last = recorded[recorded.length - 1]!;
      return { nextStreamVersion: last.streamVersion, lastGlobalPosition: last.globalPosition, appended: true, events: recorded };
    }
  }

  /**
   * The append statement inside a transaction holding a per-stream advisory lock: statements of a READ
   * COMMITTED transaction see what committed before they started, so after the lock the stream's version is
   * the one every earlier lock holder left.
   */
  private async appendUnderStreamLock(streamId: string, values: unknown[]): Promise<AppendRow[]> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query({ name: 'es_stream_lock', text: 'select pg_advisory_xact_lock(hashtextextended($1, 4242))', values: [`es-stream:${streamId}`] });
      const { rows } = await client.query<AppendRow>({ name: 'es_append', text: APPEND_SQL, values });
      await client.query('commit');
      return rows;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Events of one stream, in stream order, from `fromVersion` (default 1) to `toVersion` (inclusive). */
  async readStream(streamId: string, { fromVersion = 1, toVersion }: { fromVersion?: number; toVersion?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'es_read_stream',
      text: READ_STREAM_SQL,
      values: [streamId, fromVersion, toVersion ?? Number.MAX_SAFE_INTEGER],
    });
    return rows.map((row) => this.fromRow(row));
  }

  /**
   * Up to `limit` events after `checkpoint` in global order, never past a transaction that may still commit.
   * Pass `client` to read inside a caller's transaction (a projection's batch). Returns the checkpoint to
   * continue from: the last event's, or the given one when there is nothing new.
   */
  async readAll(checkpoint: GlobalCheckpoint, { limit = 1000, client }: { limit?: number; client?: Queryable } = {}): Promise<{ events: RecordedEvent[]; checkpoint: GlobalCheckpoint }> {
    const { rows } = await (client ?? this.pool).query<EventRow>({
      name: 'es_read_all',
      text: READ_ALL_SQL,
      values: [checkpoint.transactionId, checkpoint.globalPosition, limit],
    });
    const events = rows.map((row) => this.fromRow(row));
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : checkpoint };
  }

  /**
   * Whether some stored (or being stored) events are not yet below the snapshot horizon. A caught-up reader
   * that sees this re-reads soon instead of waiting for its poll: the NOTIFY announcing those events has been
   * spent while an open transaction elsewhere on the cluster held the horizon back.
   */
  async hasEventsBeyondHorizon(): Promise<boolean> {
    const { rows } = await this.pool.query<{ pending: boolean }>({
      name: 'es_events_beyond_horizon',
      text: 'select exists (select 1 from es_events where transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) as pending',
    });
    return rows[0]?.pending ?? false;
  }

  /** The stream's current version: the version of its last event, 0 when it has none. */
  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ v: number }>({ name: 'es_stream_version', text: STREAM_VERSION_SQL, values: [streamId] });
    return rows[0]!.v;
  }

  /**
   * NOTIFY after the commit, not inside the append's transaction: a transaction that notifies holds a
   * database-wide lock from pre-commit to the end of commit, WAL flush included, which serialises all such
   * commits (measured: c=8 appends fell to about a quarter). Calls coalesce to one NOTIFY in flight plus one
   * pending. A lost notification (crash, error) only delays readers until their poll.
   */
  private wakeReaders(): void {
    if (!this.notify) return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    this.pool
      .query({ name: 'es_notify', text: `select pg_notify('${EVENTS_CHANNEL}', '')` })
      .catch(() => undefined)
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.wakeReaders();
        }
      });
  }

  /** The stored events with these ids (any stream), in global order; ids not stored are left out. */
  async readEventsById(ids: readonly string[]): Promise<RecordedEvent[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(EXISTING_IDS_SQL, [ids]);
    return rows.map((row) => this.fromRow(row));
  }

  private async replayedAppend(streamId: string, ids: readonly string[], expectedVersion: ExpectedVersion): Promise<AppendOutcome> {
    const replay = await this.replayedAppendOrUndefined(streamId, ids);
    if (replay) return replay;
    // The id collided while the conflicting writer was in flight and it has since rolled back: a real race.
    throw new StreamVersionConflict(streamId, expectedVersion, await this.streamVersion(streamId));
  }

  /** The original outcome when every id is stored in this stream; undefined when none is; else EventIdReuse. */
  private async replayedAppendOrUndefined(streamId: string, ids: readonly string[]): Promise<AppendOutcome | undefined> {
    const { rows } = await this.pool.query<EventRow>(EXISTING_IDS_SQL, [ids]);
    if (rows.length === 0) return undefined;
    if (rows.length !== ids.length || rows.some((row) => row.stream_id !== streamId)) {
      throw new EventIdReuse(streamId, rows.map((row) => row.event_id));
    }
    const events = rows.map((row) => this.fromRow(row));
    const last = events.reduce((a, b) => (a.streamVersion > b.streamVersion ? a : b));
    return { nextStreamVersion: last.streamVersion, lastGlobalPosition: last.globalPosition, appended: false, events };
  }

  private toRecorded(streamId: string, event: EventToAppend, row: AppendRow): RecordedEvent {
    const schemaVersion = event.schemaVersion ?? this.upcasters.currentVersion(event.type);
    const { schemaVersion: upcastVersion, data } = this.upcasters.upcast(event.type, schemaVersion, event.data as Record<string, unknown>);
    return {
      type: event.type,
      data,
      schemaVersion: upcastVersion,
      metadata: event.metadata,
      streamId,
      streamVersion: row.stream_version!,
      globalPosition: row.global_position!,
      transactionId: row.transaction_id!,
      recordedAt: row.recorded_at!,
    };
  }

  private fromRow(row: EventRow): RecordedEvent {
    const { schemaVersion, data } = this.upcasters.upcast(row.event_type, row.schema_version, row.data);
    return {
      type: row.event_type,
      data,
      schemaVersion,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      globalPosition: row.global_position,
      transactionId: row.transaction_id,
      recordedAt: row.recorded_at,
    };
  }
}

function isUniqueViolation(error: unknown): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
