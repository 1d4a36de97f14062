import type pg from 'pg';
import { Partitioners, type Admin, type Consumer, type IHeaders, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { parseCloudEvent, type CloudEventEnvelope, type CogovCloudEvent } from './cloud-event.js';
import { createKafka, type KafkaConnectionOptions } from './kafka-connection.js';
import { consoleLogger, type MessagingLogger } from './logger.js';
import { ensureMessagingSchema } from './schema.js';

/** Where a message came from, handed to the effect for logging and tracing. */
export interface DeliveryContext {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try, up to `maxAttempts`. */
  attempt: number;
}

/**
 * The effect of one event. It must do all its writes through `client`: they commit in the same
 * transaction as the inbox row, which is what makes a redelivery a no-op.
 */
export type InboxHandler<Data = unknown> = (
  event: CogovCloudEvent<Data>,
  client: pg.PoolClient,
  context: DeliveryContext,
) => Promise<void>;

export interface InboxConsumerOptions<Data = unknown> {
  pool: pg.Pool;
  kafka: KafkaConnectionOptions;
  /** Kafka consumer group: instances sharing it split the partitions between them. */
  groupId: string;
  topics: string[];
  handle: InboxHandler<Data>;
  /** Tries of a failing effect before the message goes to the dead-letter topic (default 5). */
  maxAttempts?: number;
  /** First back-off between tries, doubled each time (default 200 ms). */
  retryBackoffMs?: number;
  /** The dead-letter topic, or how to derive it from the source topic (e.g. `deadLetterTopic`). */
  deadLetterTopic: string | ((topic: string) => string);
  /** Inbox key of this consumer (default: the group id). */
  consumerName?: string;
  /** Start a new group at the earliest offset (default true: a new read model sees every event). */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  /**
   * The CloudEvent types the effect acts on; others are acknowledged without a transaction or an inbox row
   * (`skippedCount`). Default: every type. A consumer of a busy topic that cares for few types saves a
   * PostgreSQL transaction per message it ignores.
   */
  eventTypes?: readonly string[];
  /** The group's session timeout (kafkajs default 30 s; the broker accepts 6 s and more). */
  sessionTimeoutMs?: number;
  /** The envelope of the topics' events (default internal; `public` for a public topic, ADR 0009). */
  envelope?: CloudEventEnvelope;
  logger?: MessagingLogger;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset (next to read); -1 when nothing is committed, -2 after a reset to earliest. */
  committedOffset: string;
  /** The partition's log end offset. */
  highWatermark: string;
  lag: number;
}

/** Headers of a dead-lettered message, in addition to the original ones. */
export const DLQ_HEADERS = {
  error: 'dlq_error',
  errorName: 'dlq_error_name',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  attempts: 'dlq_attempts',
  consumer: 'dlq_consumer',
  failedAt: 'dlq_failed_at',
} as const;

/**
 * Consumes CloudEvents with exactly-once effect: per message, one PostgreSQL transaction inserts the
 * event id into `msg_inbox` and, unless it was already there, runs the effect; the Kafka offset is
 * committed afterwards. A crash between the two only causes a redelivery, which the inbox absorbs.
 *
 * A failing effect is retried `maxAttempts` times, then the message goes to the dead-letter topic with
 * the error, and the partition moves on. Failures of the infrastructure (PostgreSQL unreachable, the
 * dead-letter topic unwritable) are not the message's fault: they stop the batch, and kafkajs redelivers
 * from the last committed offset once they clear.
 */
export class InboxConsumer<Data = unknown> {
  private readonly options: Required<Omit<InboxConsumerOptions<Data>, 'logger' | 'eventTypes'>>;
  private readonly eventTypes: ReadonlySet<string> | undefined;
  private readonly logger: MessagingLogger;
  private readonly kafka: Kafka;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private applied = 0;
  private duplicates = 0;
  private deadLettered = 0;
  private skipped = 0;

  constructor(options: InboxConsumerOptions<Data>) {
    this.options = {
      maxAttempts: 5,
      retryBackoffMs: 200,
      consumerName: options.groupId,
      fromBeginning: true,
      partitionsConsumedConcurrently: 1,
      sessionTimeoutMs: 30_000,
      envelope: 'internal',
      ...options,
    };
    this.logger = options.logger ?? consoleLogger;
    this.eventTypes = options.eventTypes ? new Set(options.eventTypes) : undefined;
    this.kafka = createKafka(options.kafka, this.logger);
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    await ensureMessagingSchema(this.options.pool);
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // Stopping waits for the fetch in flight: 1 s instead of kafkajs's 5 s keeps shutdowns and
      // rebalances short, at the price of one empty fetch a second on an idle partition.
      maxWaitTimeInMs: 1_000,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(this.options.sessionTimeoutMs / 10)),
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error(`consumer ${this.options.groupId} crashed: ${payload.error.message}`, {
        groupId: this.options.groupId,
        restart: payload.restart,
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning });
    this.consumer = consumer;
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      // Offsets are resolved one by one after each message's transaction committed, and committed in
      // small groups: a late commit costs only redeliveries, which the inbox turns into no-ops.
      autoCommit: true,
      autoCommitInterval: 1_000,
      autoCommitThreshold: 100,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }) => {
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          await this.process(batch.topic, batch.partition, message, heartbeat);
          resolveOffset(message.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
  }

  async stop(): Promise<void> {
    const { consumer, producer, admin } = this;
    this.consumer = this.producer = this.admin = undefined;
    // Disconnecting the consumer commits the offsets resolved so far.
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.disconnect();
  }

  /** Messages whose effect was applied by this instance. */
  get appliedCount(): number {
    return this.applied;
  }

  /** Redeliveries skipped because the inbox already had the event id. */
  get duplicateCount(): number {
    return this.duplicates;
  }

  get deadLetteredCount(): number {
    return this.deadLettered;
  }

  /** Well-formed messages of types outside `eventTypes`, acknowledged without an effect. */
  get skippedCount(): number {
    return this.skipped;
  }

  /** Consumer lag per partition: the group's committed offset against the log end offset. */
  async lag(): Promise<PartitionLag[]> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const committed = await this.admin.fetchOffsets({ groupId: this.options.groupId, topics: this.options.topics });
    const result: PartitionLag[] = [];
    for (const topic of this.options.topics) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      const group = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const offset = group.find((p) => p.partition === end.partition)?.offset ?? '-1';
        // Negative offsets are sentinels: -1 = nothing committed (the group starts where `fromBeginning`
        // says), -2 = reset to the earliest offset.
        const from =
          Number(offset) >= 0 ? Number(offset) : offset === '-1' && !this.options.fromBeginning ? Number(end.high) : Number(end.low);
        result.push({
          topic,
          partition: end.partition,
          committedOffset: offset,
          highWatermark: end.high,
          lag: Math.max(0, Number(end.high) - from),
        });
      }
    }
    return result;
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    let event: CogovCloudEvent<Data>;
    try {
      event = parseCloudEvent<Data>(message, this.options.envelope);
    } catch (error) {
      // Retrying cannot make a malformed message valid.
      await this.deadLetter(topic, partition, message, error, 0);
      return;
    }
    if (this.eventTypes && !this.eventTypes.has(event.type)) {
      this.skipped += 1;
      return;
    }
    const { maxAttempts, retryBackoffMs } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.applyOnce(event, { topic, partition, offset: message.offset, attempt });
        return;
      } catch (error) {
        if (!(error instanceof EffectFailed)) throw error;
        if (attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, error.cause, attempt);
          return;
        }
        const backoff = retryBackoffMs * 2 ** (attempt - 1);
        this.logger.warn(
          `consumer ${this.options.groupId}: event ${event.id} (${event.type}) failed on attempt ${attempt}/${maxAttempts}: ` +
            `${errorMessage(error.cause)}; retrying in ${backoff} ms`,
          { topic, partition, offset: message.offset },
        );
        await heartbeat();
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  /** One transaction: inbox row, then the effect. Throws EffectFailed only for errors of the effect. */
  private async applyOnce(event: CogovCloudEvent<Data>, context: DeliveryContext): Promise<void> {
    const client = await this.options.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const inserted = await client.query(
        'insert into msg_inbox (consumer, event_id) values ($1, $2) on conflict do nothing',
        [this.options.consumerName, event.id],
      );
      if (inserted.rowCount === 0) {
        await client.query('commit');
        this.duplicates += 1;
        return;
      }
      try {
        await this.options.handle(event, client, context);
      } catch (error) {
        await client.query('rollback');
        throw new EffectFailed(error);
      }
      await client.query('commit');
      this.applied += 1;
    } catch (error) {
      if (!(error instanceof EffectFailed)) {
        broken = error as Error;
        await client.query('rollback').catch(() => undefined);
      }
      throw error;
    } finally {
      // A client whose connection failed mid-transaction must not go back into the pool.
      client.release(broken);
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    const target = typeof this.options.deadLetterTopic === 'function' ? this.options.deadLetterTopic(topic) : this.options.deadLetterTopic;
    const headers: IHeaders = {
      ...message.headers,
      [DLQ_HEADERS.error]: errorMessage(error),
      [DLQ_HEADERS.errorName]: error instanceof Error ? error.name : typeof error,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: String(partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.attempts]: String(attempts),
      [DLQ_HEADERS.consumer]: this.options.consumerName,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    if (!this.producer) throw new Error('consumer is not started');
    await this.producer.send({ topic: target, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    this.deadLettered += 1;
    this.logger.error(
      `consumer ${this.options.groupId}: message ${topic}/${partition}@${message.offset} dead-lettered to ${target} ` +
        `after ${attempts} attempts: ${errorMessage(error)}`,
      { topic, partition, offset: message.offset },
    );
  }
}

/** Marks an error thrown by the effect itself, as opposed to the inbox's own database work. */
class EffectFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(errorMessage(cause));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
