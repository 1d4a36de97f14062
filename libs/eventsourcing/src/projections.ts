import pg from 'pg';
import type { PostgresEventStore } from './event-store.js';
import { EVENTS_CHANNEL } from './schema.js';
import type { GlobalCheckpoint, RecordedEvent } from './types.js';

/** Logical table name → physical table of one projection version (`appeal_board` → `appeal_board_v2`). */
export type ProjectionTables = Readonly<Record<string, string>>;

/**
 * A read model built from the global log. Readers query a VIEW named after each logical table; the view points
 * at the physical tables of the active version, so a new version is built beside the old one and swapped in.
 */
export interface Projection {
  name: string;
  /** Bump it to rebuild from zero into fresh tables (a new shape, or a fixed handler). */
  version: number;
  /** Logical names of the tables the projection owns (lowercase identifiers). */
  tables: readonly string[];
  /** When given, `handle` sees only these types; the checkpoint still moves past the others. */
  eventTypes?: readonly string[];
  /** Creates the physical tables (and their indexes) of this version. Runs in a transaction. */
  setup(client: pg.ClientBase, tables: ProjectionTables): Promise<void>;
  /** Applies a batch, in the same transaction that stores the checkpoint. */
  handle(client: pg.ClientBase, events: RecordedEvent[], tables: ProjectionTables): Promise<void>;
}

export type ProjectionMode = 'live' | 'building' | 'retired';

export interface ProjectionProgress {
  projection: string;
  version: number;
  mode: ProjectionMode;
  /** Events read by this runner since it started (handled or skipped by `eventTypes`). */
  processed: number;
  checkpoint: GlobalCheckpoint;
  /** Set once, on the batch after which the version was switched in. */
  switched?: boolean;
}

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** Poll when no NOTIFY came (default 1000 ms): notifications are not durable, and the horizon moves silently. */
  pollIntervalMs?: number;
  /** How often a standby instance tries to take the lock (default 1000 ms): the takeover delay after a crash. */
  lockRetryMs?: number;
  onProgress?: (progress: ProjectionProgress) => void;
  onError?: (error: unknown) => void;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,50}$/;

export function physicalTables(projection: Pick<Projection, 'tables' | 'version'>): ProjectionTables {
  return Object.fromEntries(
    projection.tables.map((table) => {
      if (!IDENTIFIER.test(table)) throw new Error(`projection table name ${JSON.stringify(table)} is not a plain lowercase identifier`);
      return [table, `${table}_v${projection.version}`];
    }),
  );
}

type BatchOutcome =
  | { kind: 'read'; mode: 'live' | 'building'; read: number; checkpoint: GlobalCheckpoint }
  | { kind: 'retired' }
  | { kind: 'moved' };

/** Another runner moved the checkpoint while this batch ran: its work is rolled back and the batch re-read. */
class CheckpointMoved extends Error {}

const checkpointName = (projection: Pick<Projection, 'name' | 'version'>) => `projection:${projection.name}:v${projection.version}`;

/**
 * Keeps one projection version up to date, on at most one instance at a time.
 *
 * - Leadership: a session advisory lock on a dedicated connection (which also LISTENs). A crashed holder's
 *   connection closes, PostgreSQL frees the lock, and a standby takes it within `lockRetryMs`.
 * - Exactly-once effect: each batch is one transaction that locks the checkpoint row, reads from it,
 *   applies the events and stores the new checkpoint; a batch that fails leaves neither.
 * - Rebuild without downtime: a version newer than the active one is built into its own tables while the old
 *   version keeps serving through the views; once caught up, one transaction repoints the views, records the
 *   new version and drops the old tables. Runners of an older version then retire themselves.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lockRetryMs: number;
  private readonly tables: ProjectionTables;
  private processed = 0;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private lockClient: pg.Client | undefined;
  private wake: (() => void) | undefined;
  private notified = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.lockRetryMs = options.lockRetryMs ?? 1000;
    this.tables = physicalTables(projection);
  }

  /** True while this instance holds the projection's lock. */
  get isLeader(): boolean {
    return this.lockClient !== undefined;
  }

  /** Runs in the background until `stop()`: competes for the lock, then follows the log. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Registers this version (first version: tables and views at once; newer than the active one: fresh tables
   * for a rebuild) and says what this runner is to do. Idempotent; serialised across instances.
   */
  async prepare(): Promise<ProjectionMode> {
    return this.transaction(async (client) => {
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`es_projection_registry:${this.projection.name}`]);
      const { rows } = await client.query<{ active_version: number }>('select active_version from es_projections where name = $1', [this.projection.name]);
      const active = rows[0]?.active_version;
      if (active !== undefined && active > this.projection.version) return 'retired';
      const { rowCount } = await client.query('select 1 from es_checkpoints where name = $1', [checkpointName(this.projection)]);
      if (!rowCount) {
        // No checkpoint means tables left by an interrupted attempt cannot be trusted: start them afresh.
        for (const physical of Object.values(this.tables)) await client.query(`drop table if exists ${physical}`);
        await this.projection.setup(client, this.tables);
        await client.query('insert into es_checkpoints (name) values ($1)', [checkpointName(this.projection)]);
      }
      if (active === undefined) {
        await this.pointViews(client, {});
        await client.query('insert into es_projections (name, active_version, tables) values ($1, $2, $3)', [
          this.projection.name,
          this.projection.version,
          JSON.stringify(this.tables),
        ]);
      }
      return active === undefined || active === this.projection.version ? 'live' : 'building';
    });
  }

  /**
   * Processes batches until the log is read up to the horizon, switching a rebuilt version in at the end.
   * Needs `prepare()` first. Safe beside a running leader (the checkpoint row lock serialises batches), which
   * makes it the tool for tests and one-off catch-ups.
   */
  async catchUp(): Promise<ProjectionMode> {
    return this.follow(() => true);
  }

  private async follow(keepGoing: () => boolean): Promise<ProjectionMode> {
    for (;;) {
      const batch = await this.processBatch();
      if (batch.kind === 'retired') return 'retired';
      if (batch.kind === 'read' && batch.read < this.batchSize) {
        if (batch.mode === 'building') await this.switchOver(batch.checkpoint);
        return 'live';
      }
      if (!keepGoing()) return batch.kind === 'read' ? batch.mode : 'live';
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.acquireLock())) {
          await this.sleep(this.lockRetryMs);
          continue;
        }
        if ((await this.prepare()) === 'retired') break;
        const leading = () => !this.stopped && this.isLeader;
        while (leading()) {
          if ((await this.follow(leading)) === 'retired') {
            this.stopped = true;
            break;
          }
          await this.sleep(this.pollIntervalMs);
        }
      } catch (error) {
        this.options.onError?.(error);
        await this.releaseLock();
        await this.sleep(this.lockRetryMs);
      }
    }
    await this.releaseLock();
  }

  private async processBatch(): Promise<BatchOutcome> {
    // No row locks while reading: a lock would give this transaction an xid at once, and every open xid holds
    // back the read horizon of all readers (the relay, other projections). The xid comes with the first write.
    const result = await this.transaction(async (client) => {
      const registry = await client.query<{ active_version: number }>('select active_version from es_projections where name = $1', [this.projection.name]);
      const active = registry.rows[0]?.active_version;
      if (active === undefined) throw new Error(`projection ${this.projection.name} is not prepared`);
      if (active > this.projection.version) return { kind: 'retired' } as const;
      const mode: ProjectionMode = active === this.projection.version ? 'live' : 'building';
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        'select transaction_id::text as transaction_id, global_position::text as global_position from es_checkpoints where name = $1',
        [checkpointName(this.projection)],
      );
      const row = rows[0];
      if (!row) throw new Error(`projection ${this.projection.name} v${this.projection.version} is not prepared`);
      const from = { transactionId: row.transaction_id, globalPosition: row.global_position };
      const { events, checkpoint } = await this.store.readAll(from, { limit: this.batchSize, client });
      if (events.length === 0) return { kind: 'read', mode, read: 0, checkpoint } as const;
      const types = this.projection.eventTypes;
      const relevant = types ? events.filter((event) => types.includes(event.type)) : events;
      if (relevant.length > 0) await this.projection.handle(client, relevant, this.tables);
      // The fence: only the runner that read this checkpoint may move it. Another one (a stale leader, a manual
      // catch-up, or a switch that retired this version) makes the update miss, and the batch rolls back.
      const moved = await client.query(
        `update es_checkpoints set transaction_id = $4::xid8, global_position = $5, updated_at = now()
         where name = $1 and transaction_id = $2::xid8 and global_position = $3`,
        [checkpointName(this.projection), from.transactionId, from.globalPosition, checkpoint.transactionId, checkpoint.globalPosition],
      );
      if (moved.rowCount !== 1) throw new CheckpointMoved();
      return { kind: 'read', mode, read: events.length, checkpoint } as const;
    }).catch((error: unknown): BatchOutcome => {
      if (error instanceof CheckpointMoved) return { kind: 'moved' };
      throw error;
    });
    if (result.kind === 'read' && result.read > 0) {
      this.processed += result.read;
      this.report(result.mode, result.checkpoint);
    }
    return result;
  }

  private async switchOver(checkpoint: GlobalCheckpoint): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`set local lock_timeout = '10s'`);
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`es_projection_registry:${this.projection.name}`]);
      const { rows } = await client.query<{ active_version: number; tables: Record<string, string> }>(
        'select active_version, tables from es_projections where name = $1 for update',
        [this.projection.name],
      );
      const active = rows[0]!;
      if (active.active_version >= this.projection.version) return;
      await this.pointViews(client, active.tables);
      for (const physical of Object.values(active.tables)) await client.query(`drop table if exists ${physical}`);
      await client.query('update es_projections set active_version = $2, tables = $3, switched_at = now() where name = $1', [
        this.projection.name,
        this.projection.version,
        JSON.stringify(this.tables),
      ]);
      await client.query('delete from es_checkpoints where name = $1', [checkpointName({ name: this.projection.name, version: active.active_version })]);
    });
    this.report('live', checkpoint, true);
  }

  /** Drops the views of the previous version and creates ours; DROP + CREATE so a new shape is allowed. */
  private async pointViews(client: pg.ClientBase, previous: ProjectionTables): Promise<void> {
    for (const logical of new Set([...Object.keys(previous), ...Object.keys(this.tables)])) {
      await client.query(`drop view if exists ${logical}`);
    }
    for (const [logical, physical] of Object.entries(this.tables)) {
      await client.query(`create view ${logical} as select * from ${physical}`);
    }
  }

  private report(mode: ProjectionMode, checkpoint: GlobalCheckpoint, switched?: boolean): void {
    this.options.onProgress?.({
      projection: this.projection.name,
      version: this.projection.version,
      mode,
      processed: this.processed,
      checkpoint,
      ...(switched ? { switched } : {}),
    });
  }

  private async acquireLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = new pg.Client(this.pool.options);
    client.on('error', (error) => {
      // The session, and with it the lock, is gone: stop leading until the lock is won again.
      if (this.lockClient === client) this.lockClient = undefined;
      this.options.onError?.(error);
      this.wake?.();
    });
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [
      checkpointName(this.projection),
    ]);
    if (!rows[0]!.locked) {
      await client.end();
      return false;
    }
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    await client.query(`listen ${EVENTS_CHANNEL}`);
    this.lockClient = client;
    return true;
  }

  private async releaseLock(): Promise<void> {
    const client = this.lockClient;
    this.lockClient = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Sleeps up to `ms`, returning early on a NOTIFY (including one that came while we were busy) or stop(). */
  private async sleep(ms: number): Promise<void> {
    if (this.notified || this.stopped) {
      this.notified = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
    this.notified = false;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
