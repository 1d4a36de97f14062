import pg from 'pg';
import type { PostgresEventStore } from './event-store.js';
import { liveCheckpointName, rebuildCheckpointName, registryLockName } from './projection-rebuild.js';
import { EVENTS_CHANNEL } from './schema.js';
import type { GlobalCheckpoint, RecordedEvent } from './types.js';

/** How soon a caught-up runner looks again while events wait above the snapshot horizon. */
export const HORIZON_RECHECK_MS = 20;

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
  /** Generation of the tables the batch wrote (0 until an operator-requested rebuild of this version). */
  generation: number;
  /** `rebuilding`: a batch of an operator-requested rebuild, written into tables that do not serve yet. */
  mode: ProjectionMode | 'rebuilding';
  /**
   * Events read by this runner since it started (handled or skipped by `eventTypes`); for `rebuilding`, events
   * this runner replayed into the new generation.
   */
  processed: number;
  checkpoint: GlobalCheckpoint;
  /** `rebuilding` only: replay speed of this runner since it took the rebuild up. */
  eventsPerSecond?: number;
  /** Set once, on the batch after which the version (or, in `live` mode, a rebuilt generation) was switched in. */
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
/** PostgreSQL's SQLSTATE for a relation that does not exist. */
const UNDEFINED_TABLE = '42P01';

/** Physical tables of a version's generation: `<table>_v<N>`, then `<table>_v<N>_g<k>` after the k-th rebuild. */
export function physicalTables(projection: Pick<Projection, 'tables' | 'version'>, generation = 0): ProjectionTables {
  return Object.fromEntries(
    projection.tables.map((table) => {
      if (!IDENTIFIER.test(table)) throw new Error(`projection table name ${JSON.stringify(table)} is not a plain lowercase identifier`);
      return [table, `${table}_v${projection.version}${generation > 0 ? `_g${generation}` : ''}`];
    }),
  );
}

type BatchOutcome =
  | { kind: 'read'; mode: 'live' | 'building'; read: number; checkpoint: GlobalCheckpoint; rebuild: number | undefined }
  | { kind: 'retired' }
  | { kind: 'moved' };

type RebuildOutcome = { kind: 'read'; caughtUp: boolean } | { kind: 'moved' } | { kind: 'gone' };

/** Another runner moved the checkpoint while this batch ran: its work is rolled back and the batch re-read. */
class CheckpointMoved extends Error {}

/** A handler met a missing table: a switch may have dropped the generation this batch wrote to. */
class TablesMissing extends Error {
  constructor(
    readonly original: unknown,
    readonly version: number,
    readonly generation: number,
  ) {
    super('projection tables missing', { cause: original });
  }
}

interface RegistryRow {
  active_version: number;
  generation: number;
  tables: Record<string, string>;
  rebuild_generation: number | null;
}

const REGISTRY_SQL = 'select active_version, generation, tables, rebuild_generation from es_projections where name = $1';

const checkpointName = (projection: Pick<Projection, 'name' | 'version'>) => liveCheckpointName(projection.name, projection.version);

/** (transaction id, global position) order, the order in which the log is read. */
/** SQLSTATE 40P01. */
const DEADLOCK_DETECTED = '40P01';

function atOrAfter(a: GlobalCheckpoint, b: GlobalCheckpoint): boolean {
  const [ax, bx] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return ax !== bx ? ax > bx : BigInt(a.globalPosition) >= BigInt(b.globalPosition);
}

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
 * - Rebuild on request (`requestRebuild`): the leader of the active version builds a new generation of its tables
 *   from the beginning of the log, one rebuild batch after each live batch, so the serving generation stays
 *   current. Once the new generation's checkpoint has reached the live one, one transaction repoints the views,
 *   moves the live checkpoint to the rebuild's and drops the old generation. The rebuild's checkpoint is stored
 *   like any other, so a leader that dies mid-rebuild leaves it to the next one, which resumes from there.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lockRetryMs: number;
  private readonly tables: ProjectionTables;
  private processed = 0;
  /** The rebuild this runner works on: its own count and start, for the replay speed it reports. */
  private rebuilding: { generation: number; processed: number; startedAt: number } | undefined;
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
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [registryLockName(this.projection.name)]);
      const { rows } = await client.query<RegistryRow>(REGISTRY_SQL, [this.projection.name]);
      const active = rows[0]?.active_version;
      if (active !== undefined && active > this.projection.version) return 'retired';
      const { rowCount } = await client.query('select 1 from es_checkpoints where name = $1', [checkpointName(this.projection)]);
      if (!rowCount) {
        // No checkpoint means tables left by an interrupted attempt cannot be trusted: start them afresh. When this
        // version serves, those are the registry's tables (a later generation, maybe), under their views.
        const serving = active === this.projection.version;
        const tables = serving ? rows[0]!.tables : this.tables;
        if (serving) for (const logical of Object.keys(tables)) await client.query(`drop view if exists ${logical}`);
        for (const physical of Object.values(tables)) await client.query(`drop table if exists ${physical}`);
        await this.projection.setup(client, tables);
        await client.query('insert into es_checkpoints (name) values ($1)', [checkpointName(this.projection)]);
        if (serving) await this.pointViews(client, {}, tables);
      }
      if (active === undefined) {
        await this.pointViews(client, {}, this.tables);
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
   * Processes batches until the log is read up to the horizon, switching a rebuilt version in at the end; a
   * requested rebuild of the active version is carried through to its switch as well.
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
      // One rebuild batch per live batch: the serving generation never falls behind by more than a batch.
      const rebuilding = batch.kind === 'read' && batch.rebuild !== undefined && (await this.rebuildStep(batch.rebuild));
      if (batch.kind === 'read' && batch.read < this.batchSize && !rebuilding) {
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
          // Caught up to the horizon. If committed-or-running events wait above it (an open transaction anywhere
          // on the cluster holds it back), the NOTIFY that announced them has already been spent: look again
          // soon rather than after a whole poll interval.
          await this.sleep((await this.store.hasEventsBeyondHorizon()) ? Math.min(HORIZON_RECHECK_MS, this.pollIntervalMs) : this.pollIntervalMs);
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
      const registry = (await client.query<RegistryRow>(REGISTRY_SQL, [this.projection.name])).rows[0];
      if (registry === undefined) throw new Error(`projection ${this.projection.name} is not prepared`);
      if (registry.active_version > this.projection.version) return { kind: 'retired' } as const;
      const mode = registry.active_version === this.projection.version ? 'live' : 'building';
      // Live batches write the serving generation, which a rebuild replaces: the registry says which one it is.
      const generation = mode === 'live' ? registry.generation : 0;
      const tables = mode === 'live' ? registry.tables : this.tables;
      const rebuild = mode === 'live' ? (registry.rebuild_generation ?? undefined) : undefined;
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        'select transaction_id::text as transaction_id, global_position::text as global_position from es_checkpoints where name = $1',
        [checkpointName(this.projection)],
      );
      const row = rows[0];
      if (!row) throw new Error(`projection ${this.projection.name} v${this.projection.version} is not prepared`);
      const from = { transactionId: row.transaction_id, globalPosition: row.global_position };
      const { events, checkpoint } = await this.store.readAll(from, { limit: this.batchSize, client });
      if (events.length === 0) return { kind: 'read', mode, generation, read: 0, checkpoint, rebuild } as const;
      const types = this.projection.eventTypes;
      const relevant = types ? events.filter((event) => types.includes(event.type)) : events;
      if (relevant.length > 0) {
        await this.projection.handle(client, relevant, tables).catch((error: unknown) => {
          throw (error as { code?: string }).code === UNDEFINED_TABLE ? new TablesMissing(error, registry.active_version, generation) : error;
        });
      }
      // The fence: only the runner that read this checkpoint may move it. Another one (a stale leader, a manual
      // catch-up, or a switch that retired this version) makes the update miss, and the batch rolls back.
      const moved = await client.query(
        `update es_checkpoints set transaction_id = $4::xid8, global_position = $5, updated_at = now()
         where name = $1 and transaction_id = $2::xid8 and global_position = $3`,
        [checkpointName(this.projection), from.transactionId, from.globalPosition, checkpoint.transactionId, checkpoint.globalPosition],
      );
      if (moved.rowCount !== 1) throw new CheckpointMoved();
      return { kind: 'read', mode, generation, read: events.length, checkpoint, rebuild } as const;
    }).catch(async (error: unknown) => {
      // Two runners on one batch (a leader and a catch-up beside it, as in a demo loader): both apply the events
      // and only one moves the checkpoint. Writing the same rows in different orders they may deadlock first;
      // PostgreSQL then aborts one of them, which is the same lost race — read again from the checkpoint.
      if (error instanceof CheckpointMoved || (error as { code?: string }).code === DEADLOCK_DETECTED) return { kind: 'moved' } as const;
      if (error instanceof TablesMissing) {
        // A switch committed between our registry read and the handler: re-read. Anything else is a real error.
        const now = (await this.pool.query<RegistryRow>(REGISTRY_SQL, [this.projection.name])).rows[0];
        if (now && (now.active_version !== error.version || now.generation !== error.generation)) return { kind: 'moved' } as const;
        throw error.original;
      }
      throw error;
    });
    if (result.kind === 'read' && result.read > 0) {
      this.processed += result.read;
      this.report({ mode: result.mode, generation: result.generation, processed: this.processed, checkpoint: result.checkpoint });
    }
    if (result.kind !== 'read') return result;
    return { kind: 'read', mode: result.mode, read: result.read, checkpoint: result.checkpoint, rebuild: result.rebuild };
  }

  /**
   * One batch of a requested rebuild; switches the new generation in once it has reached the live checkpoint.
   * Errors are reported and leave the rebuild to the next poll: a rebuild must never stop the live batches.
   * Returns whether the rebuild goes on.
   */
  private async rebuildStep(generation: number): Promise<boolean> {
    try {
      const batch = await this.rebuildBatch(generation);
      if (batch.kind === 'gone') {
        this.rebuilding = undefined;
        return false;
      }
      if (batch.kind === 'moved' || !batch.caughtUp) return true;
      return !(await this.switchRebuild(generation));
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
  }

  private async rebuildBatch(generation: number): Promise<RebuildOutcome> {
    const name = rebuildCheckpointName(this.projection.name, this.projection.version, generation);
    const live = checkpointName(this.projection);
    const tables = physicalTables(this.projection, generation);
    if (this.rebuilding?.generation !== generation) this.rebuilding = { generation, processed: 0, startedAt: Date.now() };
    const result = await this.transaction(async (client) => {
      const registry = (await client.query<RegistryRow>(REGISTRY_SQL, [this.projection.name])).rows[0];
      if (registry?.active_version !== this.projection.version || registry.rebuild_generation !== generation) return { kind: 'gone' } as const;
      const { rows } = await client.query<{ name: string; transaction_id: string; global_position: string }>(
        'select name, transaction_id::text as transaction_id, global_position::text as global_position from es_checkpoints where name = any($1)',
        [[name, live]],
      );
      const row = rows.find((r) => r.name === name);
      const liveRow = rows.find((r) => r.name === live);
      if (!liveRow) throw new Error(`projection ${this.projection.name} v${this.projection.version} is not prepared`);
      if (!row) return { kind: 'setup' } as const;
      const from = { transactionId: row.transaction_id, globalPosition: row.global_position };
      const { events, checkpoint } = await this.store.readAll(from, { limit: this.batchSize, client });
      if (events.length > 0) {
        const types = this.projection.eventTypes;
        const relevant = types ? events.filter((event) => types.includes(event.type)) : events;
        if (relevant.length > 0) await this.projection.handle(client, relevant, tables);
        const moved = await client.query(
          `update es_checkpoints set transaction_id = $4::xid8, global_position = $5, updated_at = now()
           where name = $1 and transaction_id = $2::xid8 and global_position = $3`,
          [name, from.transactionId, from.globalPosition, checkpoint.transactionId, checkpoint.globalPosition],
        );
        if (moved.rowCount !== 1) throw new CheckpointMoved();
      }
      const caughtUp = atOrAfter(checkpoint, { transactionId: liveRow.transaction_id, globalPosition: liveRow.global_position });
      return { kind: 'read', read: events.length, checkpoint, caughtUp } as const;
    }).catch((error: unknown) => {
      if (error instanceof CheckpointMoved) return { kind: 'moved' } as const;
      throw error;
    });
    if (result.kind === 'setup') {
      await this.startRebuild(generation);
      return { kind: 'moved' };
    }
    if (result.kind !== 'read') return result;
    if (result.read > 0) {
      const progress = this.rebuilding!;
      progress.processed += result.read;
      const seconds = (Date.now() - progress.startedAt) / 1000;
      this.report({
        mode: 'rebuilding',
        generation,
        processed: progress.processed,
        checkpoint: result.checkpoint,
        eventsPerSecond: seconds > 0 ? Math.round(progress.processed / seconds) : 0,
      });
    }
    return { kind: 'read', caughtUp: result.caughtUp };
  }

  /** Creates the new generation's tables and its checkpoint at the beginning of the log, once per rebuild. */
  private async startRebuild(generation: number): Promise<void> {
    const name = rebuildCheckpointName(this.projection.name, this.projection.version, generation);
    const tables = physicalTables(this.projection, generation);
    await this.transaction(async (client) => {
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [registryLockName(this.projection.name)]);
      const registry = (await client.query<RegistryRow>(REGISTRY_SQL, [this.projection.name])).rows[0];
      if (registry?.active_version !== this.projection.version || registry.rebuild_generation !== generation) return;
      const { rowCount } = await client.query('select 1 from es_checkpoints where name = $1', [name]);
      if (rowCount) return;
      // As in prepare(): tables without a checkpoint are the remains of an attempt that did not commit its start.
      for (const physical of Object.values(tables)) await client.query(`drop table if exists ${physical}`);
      await this.projection.setup(client, tables);
      await client.query('insert into es_checkpoints (name) values ($1)', [name]);
      await client.query('update es_projections set rebuild_started_at = now() where name = $1', [this.projection.name]);
    });
  }

  /**
   * Switches a rebuilt generation in, if its checkpoint is at or past the live one (never back in time: a reader
   * may already have seen the live rows). Returns false when the live batches got ahead again meanwhile.
   */
  private async switchRebuild(generation: number): Promise<boolean> {
    const name = rebuildCheckpointName(this.projection.name, this.projection.version, generation);
    const live = checkpointName(this.projection);
    const next = physicalTables(this.projection, generation);
    const switched = await this.transaction(async (client) => {
      await client.query(`set local lock_timeout = '10s'`);
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [registryLockName(this.projection.name)]);
      const registry = (await client.query<RegistryRow>(`${REGISTRY_SQL} for update`, [this.projection.name])).rows[0];
      if (registry?.active_version !== this.projection.version || registry.rebuild_generation !== generation) return { kind: 'gone' } as const;
      // Locks in the order everyone else takes them, so that nobody deadlocks with the switch: views, then tables
      // (a reader), then tables, then the checkpoint row (a live batch). A live batch that has written the old
      // tables commits before we go on, and its checkpoint is then the one we compare with.
      const previous = registry.tables;
      if (Object.keys(previous).length > 0) {
        await client.query(`lock table ${Object.keys(previous).join(', ')} in access exclusive mode`);
        await client.query(`lock table ${Object.values(previous).join(', ')} in access exclusive mode`);
      }
      const { rows } = await client.query<{ name: string; transaction_id: string; global_position: string }>(
        'select name, transaction_id::text as transaction_id, global_position::text as global_position from es_checkpoints where name = any($1) for update',
        [[name, live]],
      );
      const rebuilt = rows.find((r) => r.name === name);
      const serving = rows.find((r) => r.name === live);
      if (!rebuilt || !serving) return { kind: 'gone' } as const;
      const checkpoint = { transactionId: rebuilt.transaction_id, globalPosition: rebuilt.global_position };
      if (!atOrAfter(checkpoint, { transactionId: serving.transaction_id, globalPosition: serving.global_position })) return { kind: 'behind' } as const;
      await this.pointViews(client, previous, next);
      for (const physical of Object.values(previous)) await client.query(`drop table if exists ${physical}`);
      // The fence for live batches in flight: one that read the old checkpoint now misses it and rolls back (one
      // that only skipped events by `eventTypes` may still move it forward, which is right for the new tables too).
      await client.query('update es_checkpoints set transaction_id = $2::xid8, global_position = $3, updated_at = now() where name = $1', [
        live,
        checkpoint.transactionId,
        checkpoint.globalPosition,
      ]);
      await client.query('delete from es_checkpoints where name = $1', [name]);
      await client.query(
        `update es_projections set generation = $2, tables = $3, rebuild_generation = null, rebuild_requested_at = null,
           rebuild_started_at = null, rebuilt_at = now(), switched_at = now() where name = $1`,
        [this.projection.name, generation, JSON.stringify(next)],
      );
      return { kind: 'switched', checkpoint } as const;
    });
    if (switched.kind === 'behind') return false;
    this.rebuilding = undefined;
    if (switched.kind === 'switched') {
      this.report({ mode: 'live', generation, processed: this.processed, checkpoint: switched.checkpoint, switched: true });
    }
    return true;
  }

  private async switchOver(checkpoint: GlobalCheckpoint): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`set local lock_timeout = '10s'`);
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [registryLockName(this.projection.name)]);
      const { rows } = await client.query<RegistryRow>(`${REGISTRY_SQL} for update`, [this.projection.name]);
      const active = rows[0]!;
      if (active.active_version >= this.projection.version) return;
      await this.pointViews(client, active.tables, this.tables);
      for (const physical of Object.values(active.tables)) await client.query(`drop table if exists ${physical}`);
      // A new version is a rebuild from zero anyway: a rebuild of the old one still pending is dropped with it.
      if (active.rebuild_generation !== null) {
        const old = { tables: Object.keys(active.tables), version: active.active_version };
        for (const physical of Object.values(physicalTables(old, active.rebuild_generation))) await client.query(`drop table if exists ${physical}`);
        await client.query('delete from es_checkpoints where name = $1', [rebuildCheckpointName(this.projection.name, active.active_version, active.rebuild_generation)]);
      }
      await client.query(
        `update es_projections set active_version = $2, tables = $3, generation = 0, rebuild_generation = null, rebuild_requested_at = null,
           rebuild_started_at = null, switched_at = now() where name = $1`,
        [this.projection.name, this.projection.version, JSON.stringify(this.tables)],
      );
      await client.query('delete from es_checkpoints where name = $1', [checkpointName({ name: this.projection.name, version: active.active_version })]);
    });
    this.report({ mode: 'live', generation: 0, processed: this.processed, checkpoint, switched: true });
  }

  /** Drops the views of the previous tables and creates the next ones'; DROP + CREATE so a new shape is allowed. */
  private async pointViews(client: pg.ClientBase, previous: ProjectionTables, next: ProjectionTables): Promise<void> {
    for (const logical of new Set([...Object.keys(previous), ...Object.keys(next)])) {
      await client.query(`drop view if exists ${logical}`);
    }
    for (const [logical, physical] of Object.entries(next)) {
      await client.query(`create view ${logical} as select * from ${physical}`);
    }
  }

  private report(progress: Omit<ProjectionProgress, 'projection' | 'version'>): void {
    this.options.onProgress?.({ projection: this.projection.name, version: this.projection.version, ...progress });
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
