import pg from 'pg';
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { BEGINNING, type GlobalCheckpoint, type RecordedEvent } from '@cogov/eventsourcing';
import { toCloudEvent, toKafkaMessage, type CloudEventKafkaMessage } from './cloud-event.js';
import { createKafka, type KafkaConnectionOptions } from './kafka-connection.js';
import { consoleLogger, type MessagingLogger } from './logger.js';
import { ADVISORY_LOCK_NAMESPACE, ensureMessagingSchema } from './schema.js';
import { WakeSignal } from './signal.js';

/**
 * The relay's port onto the event store: a gap-free global read (design §3). `PostgresEventStore` of
 * `@cogov/eventsourcing` satisfies it.
 */
export interface EventLog {
  readAll(checkpoint: GlobalCheckpoint, options: { limit: number }): Promise<{ events: RecordedEvent[]; checkpoint: GlobalCheckpoint }>;
  /**
   * Whether events wait above the log's read horizon. When the relay is caught up and this says yes, the NOTIFY
   * announcing them has been spent, so it re-reads soon instead of after a whole poll interval.
   */
  hasEventsBeyondHorizon?(): Promise<boolean>;
}

/** How soon a caught-up relay re-reads while events wait above the horizon (ADR 0001: 20 ms, one cheap query each). */
const HORIZON_RECHECK_MS = 20;

export interface OutboxRelayOptions {
  pool: pg.Pool;
  eventLog: EventLog;
  /** The NOTIFY channel the event store fires on every append. */
  notifyChannel: string;
  kafka: KafkaConnectionOptions;
  /** CloudEvents `source` of every event this relay publishes, e.g. `/cogov/residents`. */
  source: string;
  /** The topic of an event, or null for an event internal to its context (stored, never published). */
  topicFor: (event: RecordedEvent) => string | null;
  /**
   * More messages for an event, sent in the same request as the event itself and acknowledged before the
   * checkpoint moves: a context's public topic (ADR 0009) gets each public event in the store's order, at least
   * once, with no consumer in between. Not counted as published.
   */
  alsoPublish?: (event: RecordedEvent) => ReadonlyArray<{ topic: string; message: CloudEventKafkaMessage }>;
  /** Names the checkpoint and the leader lock: one name = one stream of publications. */
  name: string;
  /** Backstop poll when no NOTIFY arrives (default 1,000 ms). */
  pollIntervalMs?: number;
  /** Events read and sent per round (default 2,000). */
  batchSize?: number;
  /** How often a non-leader tries to take the lock (default 1,000 ms). */
  leaderRetryMs?: number;
  /** Cap of the back-off between failed sends while the broker is away (default 5,000 ms). */
  maxBackoffMs?: number;
  logger?: MessagingLogger;
}

/** Kafka's default `message.max.bytes` is ~1 MiB per record batch; stay well below it per request. */
const MAX_REQUEST_BYTES = 768 * 1024;

class ConnectionLost extends Error {}

/**
 * Publishes every stored event to Kafka, in global order, at least once.
 *
 * - One leader per `name` across all instances: a session-level `pg_try_advisory_lock` held on a
 *   dedicated connection. When that connection dies, PostgreSQL drops the lock and another instance
 *   takes it within `leaderRetryMs`.
 * - The checkpoint moves only after `send` resolved with acks=all, and it is written through the lock
 *   connection: a leader that lost its lock cannot write it any more (fencing), and the write is
 *   monotonic, so an old leader finishing late never moves it back.
 * - Idempotent producer with one request in flight: retries inside kafkajs neither duplicate nor
 *   reorder. Duplicates remain possible across a failed send or a leader change; they carry the same
 *   CloudEvents id, and consumers dedupe on it.
 */
export class OutboxRelay {
  private readonly options: Required<Omit<OutboxRelayOptions, 'logger' | 'alsoPublish'>> & Pick<OutboxRelayOptions, 'alsoPublish'>;
  private readonly logger: MessagingLogger;
  private readonly kafka: Kafka;
  private readonly wake = new WakeSignal();
  private running: Promise<void> | undefined;
  private stopping = false;

  private leader = false;
  private published = 0;
  private skipped = 0;
  private lastPublished: Date | undefined;
  private acknowledged: GlobalCheckpoint | undefined;

  constructor(options: OutboxRelayOptions) {
    this.options = {
      pollIntervalMs: 1_000,
      batchSize: 2_000,
      leaderRetryMs: 1_000,
      maxBackoffMs: 5_000,
      ...options,
    };
    this.logger = options.logger ?? consoleLogger;
    this.kafka = createKafka(options.kafka, this.logger);
  }

  async start(): Promise<void> {
    if (this.running) return;
    await ensureMessagingSchema(this.options.pool);
    this.stopping = false;
    this.running = this.run();
  }

  /** Stops publishing and releases the leader lock (another instance takes over at once). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.notify();
    await this.running;
    this.running = undefined;
  }

  /** True while this instance holds the lock and publishes. */
  get isLeader(): boolean {
    return this.leader;
  }

  /** Events this instance published (acknowledged by the broker) since it started. */
  get publishedCount(): number {
    return this.published;
  }

  /** Internal events passed over (`topicFor` answered null) since it started. */
  get skippedCount(): number {
    return this.skipped;
  }

  get lastPublishedAt(): Date | undefined {
    return this.lastPublished;
  }

  /** The last checkpoint this instance saw acknowledged (undefined until it first led). */
  get checkpoint(): GlobalCheckpoint | undefined {
    return this.acknowledged;
  }

  /**
   * Events stored but not yet acknowledged by the broker, counted in the event log from the shared
   * checkpoint, so every instance (leader or not) reports the same figure. Counting stops at `max`: beyond
   * it the figure is a floor, which is all an alert needs, and a scrape stays bounded during an outage.
   */
  async lag(max = 50_000): Promise<number> {
    let position = await loadCheckpoint(this.options.pool, this.options.name);
    let behind = 0;
    while (behind < max) {
      const limit = Math.min(5_000, max - behind);
      const page = await this.options.eventLog.readAll(position, { limit });
      behind += page.events.length;
      if (page.events.length < limit) break;
      position = page.checkpoint;
    }
    return behind;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const client = new pg.Client({ ...this.options.pool.options, keepAlive: true });
      // Without a listener, a dying connection's 'error' would crash the process.
      const lost = new Promise<never>((_, reject) => {
        const fail = (error?: Error) => {
          this.wake.notify();
          reject(new ConnectionLost(`lock connection lost${error ? `: ${error.message}` : ''}`));
        };
        client.on('error', fail);
        client.on('end', () => fail());
      });
      lost.catch(() => undefined);
      try {
        await client.connect();
        if (await this.campaign(client, lost)) await this.lead(client, lost);
      } catch (error) {
        if (!this.stopping) {
          // A leader whose connection just died may be the unhealthy one: it waits longer than the
          // standbys poll, so one of them takes over rather than itself again.
          const pause = this.leader ? 3 * this.options.leaderRetryMs : this.options.leaderRetryMs;
          this.leader = false;
          // A lost connection is routine (failover); anything else (the event store unreadable, an event
          // that cannot be converted) stops publishing until fixed and must stand out.
          const report = error instanceof ConnectionLost ? this.logger.warn : this.logger.error;
          report.call(this.logger, `relay ${this.options.name}: ${(error as Error).message}; retrying in ${pause} ms`, {
            relay: this.options.name,
          });
          // Not the wake signal: the lost connection itself notified it, which would cut the pause short.
          await sleepUnless(pause, () => this.stopping);
        }
      } finally {
        this.leader = false;
        await client.end().catch(() => undefined);
      }
    }
  }

  /** Tries the lock until it is ours (true) or the relay stops (false). */
  private async campaign(client: pg.Client, lost: Promise<never>): Promise<boolean> {
    let announced = false;
    while (!this.stopping) {
      const { rows } = await Promise.race([
        client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as locked', [
          ADVISORY_LOCK_NAMESPACE,
          this.options.name,
        ]),
        lost,
      ]);
      if (rows[0]?.locked) return true;
      if (!announced) {
        this.logger.log(`relay ${this.options.name}: another instance publishes; standing by`, { relay: this.options.name });
        announced = true;
      }
      await this.wake.wait(this.options.leaderRetryMs);
    }
    return false;
  }

  private async lead(client: pg.Client, lost: Promise<never>): Promise<void> {
    const { name, notifyChannel, eventLog, batchSize, pollIntervalMs } = this.options;
    client.on('notification', () => this.wake.notify());
    await Promise.race([client.query(`listen ${pg.escapeIdentifier(notifyChannel)}`), lost]);
    let checkpoint = await Promise.race([loadCheckpoint(client, name), lost]);
    this.acknowledged = checkpoint;
    this.leader = true;
    this.logger.log(`relay ${name}: leader, publishing from ${checkpointText(checkpoint)}`, { relay: name });
    const producer = new RelayProducer(this.kafka, this.logger, name, this.options.maxBackoffMs);
    try {
      while (!this.stopping) {
        const page = await Promise.race([eventLog.readAll(checkpoint, { limit: batchSize }), lost]);
        if (page.events.length === 0) {
          const pending = await Promise.race([eventLog.hasEventsBeyondHorizon?.() ?? Promise.resolve(false), lost]);
          await this.wake.wait(pending ? Math.min(HORIZON_RECHECK_MS, pollIntervalMs) : pollIntervalMs);
          continue;
        }
        const { requests, published } = this.toTopicMessages(page.events);
        // A page of internal events only moves the checkpoint.
        if (requests.length > 0) {
          const sent = await producer.sendUntilAcknowledged(requests, published, { shouldGiveUp: () => this.stopping, lost });
          if (!sent) return;
        }
        await Promise.race([saveCheckpoint(client, name, page.checkpoint), lost]);
        checkpoint = page.checkpoint;
        this.acknowledged = checkpoint;
        this.published += published;
        this.skipped += page.events.length - published;
        this.lastPublished = new Date();
      }
    } finally {
      await producer.close();
    }
  }

  private toTopicMessages(events: RecordedEvent[]): { requests: TopicMessages[][]; published: number } {
    const requests: TopicMessages[][] = [];
    let published = 0;
    let byTopic = new Map<string, Message[]>();
    let bytes = 0;
    const flush = () => {
      if (byTopic.size === 0) return;
      requests.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      byTopic = new Map();
      bytes = 0;
    };
    const add = (topic: string, message: CloudEventKafkaMessage) => {
      const size = message.value.length + message.key.length + 256;
      if (bytes + size > MAX_REQUEST_BYTES) flush();
      const messages = byTopic.get(topic) ?? [];
      messages.push(message);
      byTopic.set(topic, messages);
      bytes += size;
    };
    for (const event of events) {
      const topic = this.options.topicFor(event);
      if (topic === null) continue;
      add(topic, toKafkaMessage(toCloudEvent(event, { source: this.options.source })));
      published += 1;
      for (const extra of this.options.alsoPublish?.(event) ?? []) add(extra.topic, extra.message);
    }
    flush();
    return { requests, published };
  }
}

/**
 * The relay's producer: created lazily, and thrown away after a failed send. A fresh idempotent producer
 * gets a new producer id, so a broker that lost or kept part of the failed request never answers the
 * resend with an out-of-order-sequence error.
 */
class RelayProducer {
  private producer: Producer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: MessagingLogger,
    private readonly name: string,
    private readonly maxBackoffMs: number,
  ) {}

  /**
   * Sends the requests in order, retrying with back-off until all are acknowledged (true) or the relay
   * stops (false). Never gives up on its own: with the broker away, the events wait in PostgreSQL.
   */
  async sendUntilAcknowledged(
    requests: TopicMessages[][],
    eventCount: number,
    { shouldGiveUp, lost }: { shouldGiveUp: () => boolean; lost: Promise<never> },
  ): Promise<boolean> {
    let failures = 0;
    let firstFailure = 0;
    for (const request of requests) {
      for (;;) {
        if (shouldGiveUp()) return false;
        try {
          this.producer ??= await this.connect();
          await Promise.race([this.producer.sendBatch({ topicMessages: request, acks: -1 }), lost]);
          break;
        } catch (error) {
          if (error instanceof ConnectionLost) throw error;
          failures += 1;
          firstFailure ||= Date.now();
          await this.close();
          const backoff = Math.min(this.maxBackoffMs, 250 * 2 ** Math.min(failures - 1, 5));
          this.logger.error(
            `relay ${this.name}: Kafka did not acknowledge ${eventCount} events (${(error as Error).message}); ` +
              `they wait in PostgreSQL, checkpoint not moved; attempt ${failures} for ${Math.round((Date.now() - firstFailure) / 1000)} s, ` +
              `retrying in ${backoff} ms`,
            { relay: this.name, attempts: failures },
          );
          await sleepUnless(backoff, shouldGiveUp);
        }
      }
    }
    if (failures > 0) this.logger.log(`relay ${this.name}: Kafka is back, ${eventCount} events acknowledged after ${failures} failed attempts`);
    return true;
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      // One request in flight keeps per-partition order across kafkajs's internal retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }
}

async function sleepUnless(ms: number, cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cancelled() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, deadline - Date.now())));
  }
}

async function loadCheckpoint(db: pg.Pool | pg.Client, name: string): Promise<GlobalCheckpoint> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    'select transaction_id::text, global_position::text from msg_relay_checkpoints where name = $1',
    [name],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : BEGINNING;
}

async function saveCheckpoint(client: pg.Client, name: string, checkpoint: GlobalCheckpoint): Promise<void> {
  await client.query(
    `insert into msg_relay_checkpoints (name, transaction_id, global_position) values ($1, $2, $3)
     on conflict (name) do update
       set transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()
       where (msg_relay_checkpoints.transaction_id, msg_relay_checkpoints.global_position)
           < (excluded.transaction_id, excluded.global_position)`,
    [name, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

function checkpointText(checkpoint: GlobalCheckpoint): string {
  return `(tx ${checkpoint.transactionId}, position ${checkpoint.globalPosition})`;
}
