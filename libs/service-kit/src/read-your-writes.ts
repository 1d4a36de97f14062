import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { GlobalCheckpoint } from '@cogov/eventsourcing';

/**
 * Channel on which the instance that leads a projection announces each checkpoint it commits
 * (`residents_read_models`): one per service, an SQL identifier.
 */
export function readModelProgressChannel(context: string): string {
  return `${context.replace(/[^a-z0-9_]/gi, '_')}_read_models`;
}

/** Safety net while someone waits: notifications are not durable (a lost one must not cost the whole timeout). */
const RECHECK_MS = 250;

interface Waiter {
  projections: readonly string[];
  target: GlobalCheckpoint;
  resolve: (fresh: boolean) => void;
}

/** (transaction id, global position) order: the order in which projections read the log. */
export function checkpointAtOrAfter(a: GlobalCheckpoint, b: GlobalCheckpoint): boolean {
  const [ax, bx] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return ax !== bx ? ax > bx : BigInt(a.globalPosition) >= BigInt(b.globalPosition);
}

/**
 * Lets a mutation answer from read models that already contain its own events. It knows each projection's
 * committed checkpoint from three sources, cheapest first: the local runner's progress (the usual case: this
 * instance leads the projections, and its runner is woken by the append's NOTIFY), a NOTIFY from the instance
 * that leads them elsewhere, and a re-read of `es_checkpoints` (start of a wait, then every RECHECK_MS while
 * anyone waits). A wait is bounded: past `timeoutMs` the caller answers from the aggregate state instead.
 */
export class ReadYourWrites {
  private readonly logger = new Logger('read-your-writes');
  private readonly known = new Map<string, GlobalCheckpoint>();
  private readonly waiters = new Set<Waiter>();
  private recheckTimer: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private publishing = false;
  private pendingPublish = new Map<string, GlobalCheckpoint>();

  private readonly channel: string;

  constructor(
    private readonly pool: pg.Pool,
    readonly timeoutMs: number,
    context: string,
  ) {
    this.channel = readModelProgressChannel(context);
  }

  /** LISTENs for the progress other instances announce; a failure only leaves the re-check to do the work. */
  async start(): Promise<void> {
    this.stopped = false;
    const client = new pg.Client(this.pool.options);
    client.on('error', (error) => {
      this.logger.warn(`progress listener lost (${String(error)}); reconnecting`);
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) this.reconnectTimer = setTimeout(() => void this.start().catch(() => undefined), 1000);
    });
    client.on('notification', (message) => {
      if (!message.payload) return;
      const { projection, transactionId, globalPosition } = JSON.parse(message.payload) as { projection: string } & GlobalCheckpoint;
      this.advance(projection, { transactionId, globalPosition });
    });
    await client.connect();
    await client.query(`listen ${this.channel}`);
    this.listener = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.recheckTimer);
    this.recheckTimer = undefined;
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** A local runner committed `checkpoint`: wake our waiters, and tell the other instances. */
  committed(projection: string, checkpoint: GlobalCheckpoint): void {
    this.advance(projection, checkpoint);
    this.pendingPublish.set(projection, checkpoint);
    this.publish();
  }

  /**
   * Resolves true once every projection in `projections` has committed `target` (or a later checkpoint), false
   * after `timeoutMs` with a warning naming `mutation`. A null target (empty stream) needs no wait.
   */
  async waitFor(projections: readonly string[], target: GlobalCheckpoint | null, mutation: string): Promise<boolean> {
    if (!target || this.reached(projections, target)) return true;
    await this.refresh(projections);
    if (this.reached(projections, target)) return true;
    const started = Date.now();
    const fresh = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(false), this.timeoutMs);
      const waiter: Waiter = { projections, target, resolve: (value) => settle(value) };
      const settle = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        if (this.waiters.size === 0) {
          clearInterval(this.recheckTimer);
          this.recheckTimer = undefined;
        }
        resolve(value);
      };
      this.waiters.add(waiter);
      this.recheckTimer ??= setInterval(() => void this.recheck(), RECHECK_MS);
    });
    if (!fresh) {
      this.logger.warn(
        `${mutation}: ${projections.join(', ')} not at the command's checkpoint after ${Date.now() - started} ms; answering from the aggregate state`,
      );
    }
    return fresh;
  }

  private advance(projection: string, checkpoint: GlobalCheckpoint): void {
    const current = this.known.get(projection);
    if (current && checkpointAtOrAfter(current, checkpoint)) return;
    this.known.set(projection, checkpoint);
    for (const waiter of this.waiters) if (this.reached(waiter.projections, waiter.target)) waiter.resolve(true);
  }

  private reached(projections: readonly string[], target: GlobalCheckpoint): boolean {
    return projections.every((name) => {
      const known = this.known.get(name);
      return known !== undefined && checkpointAtOrAfter(known, target);
    });
  }

  /** The committed checkpoints of the versions that serve reads (a version being rebuilt does not count). */
  private async refresh(projections: readonly string[]): Promise<void> {
    const { rows } = await this.pool.query<{ name: string; transaction_id: string; global_position: string }>(
      `select p.name, c.transaction_id::text as transaction_id, c.global_position::text as global_position
       from es_projections p join es_checkpoints c on c.name = 'projection:' || p.name || ':v' || p.active_version
       where p.name = any($1::text[])`,
      [projections],
    );
    for (const row of rows) this.advance(row.name, { transactionId: row.transaction_id, globalPosition: row.global_position });
  }

  private async recheck(): Promise<void> {
    const names = new Set([...this.waiters].flatMap((waiter) => waiter.projections));
    if (names.size === 0) return;
    await this.refresh([...names]).catch((error: unknown) => this.logger.warn(`checkpoint re-read failed: ${String(error)}`));
  }

  /**
   * One NOTIFY in flight at a time, carrying the latest checkpoint of each projection: under load the runner
   * commits faster than it is worth announcing, and only the newest checkpoint matters.
   */
  private publish(): void {
    if (this.publishing || this.pendingPublish.size === 0 || this.stopped) return;
    this.publishing = true;
    const batch = [...this.pendingPublish];
    this.pendingPublish.clear();
    void Promise.all(
      batch.map(([projection, checkpoint]) =>
        this.pool.query('select pg_notify($1, $2)', [this.channel, JSON.stringify({ projection, ...checkpoint })]),
      ),
    )
      .catch(() => undefined)
      .finally(() => {
        this.publishing = false;
        this.publish();
      });
  }
}
