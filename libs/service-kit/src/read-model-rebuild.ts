import type pg from 'pg';
import { ProjectionRunner, projectionStatus, requestRebuild, type PostgresEventStore, type Projection, type ProjectionStatus } from '@cogov/eventsourcing';

export interface RebuildReadModelsOptions {
  pool: pg.Pool;
  store: PostgresEventStore;
  /** The projections to rebuild (all of them share one run). */
  projections: readonly Projection[];
  /** Progress lines go here (one per projection per interval). */
  print: (line: string) => void;
  /** How often progress is read and printed (default 1000 ms). */
  intervalMs?: number;
  /** How long to wait before saying whether the service or this process does the work (default 3000 ms). */
  leaderGraceMs?: number;
  /** Batch size of this process's runner, when it is the one doing the work (default 500, as the service). */
  batchSize?: number;
  /** Aborting stops following; the recorded request stays, and whichever instance leads finishes it. */
  signal?: AbortSignal;
}

export interface RebuildSummary {
  projection: string;
  version: number;
  generation: number;
  /** Events in the read model when it was switched in. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Who did the work: a running instance of the service, or this process (the service was down). */
  doneBy: 'service' | 'this process';
}

interface Tracked {
  projection: Projection;
  runner: ProjectionRunner;
  generation: number;
  startedAt: number;
  last: { at: number; events: number };
  done: RebuildSummary | undefined;
  /** Whether this process's runner held the lock at some point: then it did (some of) the work. */
  ledHere: boolean;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Requests a rebuild of each projection's active version and follows it to the switch. The work is done by the
 * projection's leader: a running instance of the service, or, when none holds the lock, the runner this function
 * starts (a standby beside a running service, which takes over should that instance die). Throws when the
 * code's projection version is not the active one (a version bump rebuilds by itself on deploy).
 */
export async function rebuildReadModels(options: RebuildReadModelsOptions): Promise<RebuildSummary[]> {
  const { pool, store, print, signal } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const leaderGraceMs = options.leaderGraceMs ?? 3000;
  for (const projection of options.projections) {
    const status = await projectionStatus(pool, projection.name);
    if (!status) throw new Error(`${projection.name} has never been built in this database: start the service once, it builds its read models on first start`);
    if (status.activeVersion !== projection.version) {
      throw new Error(
        `${projection.name}: the database serves v${status.activeVersion}, this build has v${projection.version}; ` +
          (projection.version > status.activeVersion ? 'deploy it, a new version is rebuilt by the service itself' : 'run the rebuild from the deployed build'),
      );
    }
  }
  const tracked: Tracked[] = [];
  for (const projection of options.projections) {
    const request = await requestRebuild(pool, projection.name);
    print(
      request.alreadyRequested
        ? `[rebuild] ${projection.name}: a rebuild (generation ${request.generation}) is already under way since ${request.requestedAt.toISOString()}; following it`
        : `[rebuild] ${projection.name}: rebuild of v${request.version} requested (generation ${request.generation})`,
    );
    const runner = new ProjectionRunner(pool, store, projection, {
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      pollIntervalMs: 500,
      lockRetryMs: 1000,
      onError: (error) => print(`[rebuild] ${projection.name}: ${String(error)} (retrying)`),
    });
    // The speed of the first line is measured from the request, or, following a rebuild under way, from now.
    const startedAt = Date.now();
    const replayed = request.alreadyRequested ? ((await projectionStatus(pool, projection.name, { counts: true }))?.rebuild?.events ?? 0) : 0;
    tracked.push({ projection, runner, generation: request.generation, startedAt, last: { at: startedAt, events: replayed }, done: undefined, ledHere: false });
  }
  for (const t of tracked) t.runner.start();
  const started = Date.now();
  const toldWho = new Set<Tracked>();
  try {
    while (!signal?.aborted && tracked.some((t) => !t.done)) {
      await sleep(intervalMs, signal);
      // Who does the work is told as soon as it is certain: at once when this process's runner took the lock (no
      // instance held it), else once the grace is over (an instance holds it).
      for (const t of tracked.filter((x) => !x.done && !toldWho.has(x))) {
        if (t.runner.isLeader) {
          toldWho.add(t);
          print(`[rebuild] ${t.projection.name}: no instance of the service holds the projection's lock: this process does the rebuild`);
        } else if (Date.now() - started >= leaderGraceMs) {
          toldWho.add(t);
          print(`[rebuild] ${t.projection.name}: a running instance of the service does the rebuild; following it`);
        }
      }
      for (const t of tracked.filter((x) => !x.done)) {
        if (t.runner.isLeader) t.ledHere = true;
        const status = (await projectionStatus(pool, t.projection.name, { counts: true }))!;
        if (status.activeVersion !== t.projection.version) throw new Error(`${t.projection.name}: v${status.activeVersion} was switched in meanwhile; the rebuild of v${t.projection.version} is moot`);
        if (status.generation >= t.generation) {
          t.done = summary(t, status);
          continue;
        }
        print(progressLine(t, status));
      }
    }
  } finally {
    await Promise.all(tracked.map((t) => t.runner.stop()));
  }
  const summaries = tracked.flatMap((t) => (t.done ? [t.done] : []));
  for (const s of summaries) {
    print(
      `[rebuild] ${s.projection}: v${s.version} generation ${s.generation} switched in — ${number(s.events)} events in ${s.seconds.toFixed(1)} s ` +
        `(${number(s.eventsPerSecond)} events/s), by ${s.doneBy === 'service' ? 'the running service' : 'this process'}`,
    );
  }
  if (signal?.aborted && summaries.length < tracked.length) {
    print('[rebuild] interrupted: the request stays recorded; a running service finishes it (run this again to follow or to do it)');
  }
  return summaries;
}

function progressLine(t: Tracked, status: ProjectionStatus): string {
  const now = Date.now();
  const events = status.rebuild?.events ?? 0;
  const total = Math.max(status.total ?? 0, events);
  if (!status.rebuild?.startedAt) return `[rebuild] ${t.projection.name}: waiting for the projection's leader to start it`;
  const rate = now > t.last.at ? ((events - t.last.events) * 1000) / (now - t.last.at) : 0;
  t.last = { at: now, events };
  const percent = total > 0 ? Math.floor((events * 100) / total) : 100;
  return `[rebuild] ${t.projection.name}: ${number(events)}/${number(total)} events (${percent} %), ${number(rate)} events/s`;
}

function summary(t: Tracked, status: ProjectionStatus): RebuildSummary {
  const seconds = (Date.now() - t.startedAt) / 1000;
  const events = status.live.events ?? 0;
  return {
    projection: t.projection.name,
    version: status.activeVersion,
    generation: status.generation,
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : 0,
    doneBy: t.ledHere || t.runner.isLeader ? 'this process' : 'service',
  };
}
