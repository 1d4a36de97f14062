import type pg from 'pg';
import type { GlobalCheckpoint } from './types.js';

/**
 * Operator-requested rebuilds of a projection's active version (same code, same version, from zero).
 *
 * The request is a row update; the work is done by the projection's leader (`ProjectionRunner`), which builds a
 * new generation of the tables (`<table>_v<N>_g<k>`) between its live batches and, once the new generation has
 * reached the live checkpoint, repoints the views, moves the live checkpoint and drops the old generation in
 * one transaction. These functions are what a CLI needs: ask, then follow.
 */

/** The live checkpoint of a version; also the name of its leader lock. Unchanged by rebuilds. */
export const liveCheckpointName = (name: string, version: number) => `projection:${name}:v${version}`;

/** The checkpoint of a generation being rebuilt; it exists from the start of the build to the switch. */
export const rebuildCheckpointName = (name: string, version: number, generation: number) => `projection:${name}:v${version}:g${generation}`;

/** Serialises every change of a projection's registry row (registration, version switch, rebuild). */
export const registryLockName = (name: string) => `es_projection_registry:${name}`;

export interface RebuildRequest {
  projection: string;
  version: number;
  /** The generation that will replace the serving one. */
  generation: number;
  requestedAt: Date;
  /** True when a rebuild was already requested or running: this call changed nothing. */
  alreadyRequested: boolean;
}

/**
 * Asks the projection's leader to rebuild its active version from the beginning of the log. Idempotent: while a
 * rebuild is requested or running, a new request returns that one. Throws when no runner has registered the
 * projection in this database yet.
 */
export async function requestRebuild(pool: pg.Pool, name: string): Promise<RebuildRequest> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [registryLockName(name)]);
    const { rows } = await client.query<{ active_version: number; generation: number; rebuild_generation: number | null; rebuild_requested_at: Date | null }>(
      'select active_version, generation, rebuild_generation, rebuild_requested_at from es_projections where name = $1 for update',
      [name],
    );
    const row = rows[0];
    if (!row) throw new Error(`projection ${name} is not registered in this database (no runner has prepared it yet)`);
    let request: RebuildRequest;
    if (row.rebuild_generation !== null) {
      request = { projection: name, version: row.active_version, generation: row.rebuild_generation, requestedAt: row.rebuild_requested_at!, alreadyRequested: true };
    } else {
      const generation = row.generation + 1;
      // A checkpoint left under this name would make the leader resume instead of starting from zero.
      await client.query('delete from es_checkpoints where name = $1', [rebuildCheckpointName(name, row.active_version, generation)]);
      const updated = await client.query<{ rebuild_requested_at: Date }>(
        `update es_projections set rebuild_generation = $2, rebuild_requested_at = now(), rebuild_started_at = null
         where name = $1 returning rebuild_requested_at`,
        [name, generation],
      );
      request = { projection: name, version: row.active_version, generation, requestedAt: updated.rows[0]!.rebuild_requested_at, alreadyRequested: false };
    }
    await client.query('commit');
    return request;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface ProjectionStatus {
  projection: string;
  activeVersion: number;
  /** Generation of the serving tables (0 until the first rebuild of this version). */
  generation: number;
  tables: Readonly<Record<string, string>>;
  switchedAt: Date;
  /** When the last rebuild of this version was switched in. */
  rebuiltAt: Date | null;
  /** Whether some session holds the leader lock of the active version (a service instance, or a CLI doing the work). */
  leader: boolean;
  live: {
    checkpoint: GlobalCheckpoint | undefined;
    /** Events at or before the checkpoint (with `counts`). */
    events?: number;
  };
  /** Set while a rebuild is requested or running. */
  rebuild:
    | {
        generation: number;
        requestedAt: Date;
        /** Null until the leader has created the new generation's tables. */
        startedAt: Date | null;
        checkpoint: GlobalCheckpoint | undefined;
        /** Events replayed so far (with `counts`). */
        events?: number;
      }
    | undefined;
  /** Events in the log below the read horizon (with `counts`): what a rebuild has to replay today. */
  total?: number;
}

interface StatusRow {
  active_version: number;
  generation: number;
  tables: Record<string, string>;
  switched_at: Date;
  rebuilt_at: Date | null;
  rebuild_generation: number | null;
  rebuild_requested_at: Date | null;
  rebuild_started_at: Date | null;
  leader: boolean;
}

/**
 * Where a projection stands: active version and generation, the live checkpoint, a rebuild in progress with its
 * checkpoint. `counts` adds event counts (an index scan of the log each: fine for a CLI polling every second).
 * Undefined when the projection is not registered.
 */
export async function projectionStatus(pool: pg.Pool, name: string, { counts = false }: { counts?: boolean } = {}): Promise<ProjectionStatus | undefined> {
  // The leader's lock is `pg_try_advisory_lock(bigint)`: pg_locks shows the key as classid (high half) and objid.
  const { rows } = await pool.query<StatusRow>(
    `select p.active_version, p.generation, p.tables, p.switched_at, p.rebuilt_at, p.rebuild_generation, p.rebuild_requested_at,
            p.rebuild_started_at,
            exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.objsubid = 1 and l.granted
                    and l.database = (select oid from pg_database where datname = current_database())
                    and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('projection:' || p.name || ':v' || p.active_version, 0)) as leader
     from es_projections p where p.name = $1`,
    [name],
  );
  const row = rows[0];
  if (!row) return undefined;
  const names = [liveCheckpointName(name, row.active_version)];
  if (row.rebuild_generation !== null) names.push(rebuildCheckpointName(name, row.active_version, row.rebuild_generation));
  const checkpoints = await pool.query<{ name: string; transaction_id: string; global_position: string }>(
    'select name, transaction_id::text as transaction_id, global_position::text as global_position from es_checkpoints where name = any($1)',
    [names],
  );
  const checkpointOf = (checkpointName: string | undefined): GlobalCheckpoint | undefined => {
    const found = checkpoints.rows.find((c) => c.name === checkpointName);
    return found && { transactionId: found.transaction_id, globalPosition: found.global_position };
  };
  const eventsUpTo = async (checkpoint: GlobalCheckpoint | undefined) => {
    if (!checkpoint) return 0;
    const { rows: counted } = await pool.query<{ n: string }>(
      'select count(*) as n from es_events where (transaction_id, global_position) <= ($1::xid8, $2::bigint)',
      [checkpoint.transactionId, checkpoint.globalPosition],
    );
    return Number(counted[0]!.n);
  };
  const live = checkpointOf(names[0]);
  const rebuilding = checkpointOf(names[1]);
  const status: ProjectionStatus = {
    projection: name,
    activeVersion: row.active_version,
    generation: row.generation,
    tables: row.tables,
    switchedAt: row.switched_at,
    rebuiltAt: row.rebuilt_at,
    leader: row.leader,
    live: { checkpoint: live, ...(counts ? { events: await eventsUpTo(live) } : {}) },
    rebuild:
      row.rebuild_generation === null
        ? undefined
        : {
            generation: row.rebuild_generation,
            requestedAt: row.rebuild_requested_at!,
            startedAt: row.rebuild_started_at,
            checkpoint: rebuilding,
            ...(counts ? { events: await eventsUpTo(rebuilding) } : {}),
          },
  };
  if (counts) {
    const { rows: total } = await pool.query<{ n: string }>('select count(*) as n from es_events where transaction_id < pg_snapshot_xmin(pg_current_snapshot())');
    status.total = Number(total[0]!.n);
  }
  return status;
}
