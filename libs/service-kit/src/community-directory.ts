import { Logger } from '@nestjs/common';
import type pg from 'pg';
import { InboxConsumer, cloudEventType, contextTopicSpecs, deadLetterTopic, ensureTopics, eventsTopic, type CogovCloudEvent, type InboxHandler, type MessagingLogger } from '@cogov/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { ServiceConfig } from './config.js';
import type { StreetLookup } from './jurisdiction.js';

/** The context that registers communities and publishes `CommunityRegistered`. */
export const COMMUNITIES_SOURCE_CONTEXT = 'residents';
/** `cn.cogov.residents.community-registered.v1`. */
export const COMMUNITY_REGISTERED_TYPE = cloudEventType(COMMUNITIES_SOURCE_CONTEXT, 'CommunityRegistered', 1);

export interface CommunityRegisteredData {
  communityId: string;
  name: string;
  streetId: string;
  streetName: string;
}

/** Idempotent: every instance runs it on every start. */
export const KNOWN_COMMUNITIES_DDL = `create table if not exists known_communities (
  community_id text primary key,
  street_id text not null,
  name text not null
)`;

/**
 * The effect of one residents event: a `CommunityRegistered` becomes a row of `known_communities`, written
 * through the inbox's transaction (so a redelivery, skipped by the inbox, has no second effect). A community's
 * street never changes: a second registration of the same id keeps the first row. Any other event type is
 * acknowledged and ignored. Malformed data throws, so the message is retried and then dead-lettered.
 */
export const recordKnownCommunity: InboxHandler = async (event: CogovCloudEvent, client: pg.PoolClient) => {
  if (event.type !== COMMUNITY_REGISTERED_TYPE) return;
  const data = (event.data ?? {}) as Partial<CommunityRegisteredData>;
  const problems = (['communityId', 'streetId', 'name'] as const).filter((field) => typeof data[field] !== 'string' || data[field] === '');
  if (problems.length > 0) throw new Error(`CommunityRegistered ${event.id} lacks ${problems.join(', ')}`);
  await client.query(
    'insert into known_communities (community_id, street_id, name) values ($1, $2, $3) on conflict (community_id) do nothing',
    [data.communityId, data.streetId, data.name],
  );
};

/** `cogov.<context>.community-directory`, prefixed like the topics (tests and environments sharing a broker). */
export function communityDirectoryGroupId(context: string, prefix?: string): string {
  const group = `cogov.${context}.community-directory`;
  return prefix ? `${prefix}.${group}` : group;
}

export interface CommunityDirectoryOptions {
  /** The consuming context (names the consumer group and the Kafka client). */
  context: string;
  config: Pick<ServiceConfig, 'kafkaBrokers' | 'topicPrefix' | 'kafkaReplicationFactor'> & Partial<Pick<ServiceConfig, 'kafkaSessionTimeoutMs'>>;
  /** The service's own database (the event store's pool): `known_communities` and `msg_inbox` live there. */
  pool: pg.Pool;
  /** Partitions of the residents' events topic, as its relay declares it (6 by default). */
  sourcePartitions?: number;
  /** Tries of a failing effect before the dead-letter topic (the InboxConsumer's default when absent). */
  maxAttempts?: number;
  logger?: MessagingLogger;
}

/**
 * This context's copy of where communities lie, learnt from the residents' `CommunityRegistered` on Kafka
 * (contexts never read each other's tables). `streetOf` is the service's `StreetLookup`.
 *
 * `start()` creates the table, makes sure the residents' topic exists with the spec of its relay (the
 * residents service may start later) and its dead-letter topic (`cogov.residents.events.dlq`), then joins
 * the consumer group `cogov.<context>.community-directory` from the earliest offset.
 */
export class CommunityDirectory {
  private readonly logger: MessagingLogger;
  private consumer: InboxConsumer | undefined;

  constructor(private readonly options: CommunityDirectoryOptions) {
    const nest = new Logger(`${options.context}:community-directory`);
    this.logger = options.logger ?? { log: (m) => nest.log(m), warn: (m) => nest.warn(m), error: (m) => nest.error(m) };
  }

  get topic(): string {
    return eventsTopic(COMMUNITIES_SOURCE_CONTEXT, this.options.config.topicPrefix);
  }

  get groupId(): string {
    return communityDirectoryGroupId(this.options.context, this.options.config.topicPrefix);
  }

  /** The consumer, once started (its `appliedCount`, `duplicateCount`, `lag()`…). */
  get inbox(): InboxConsumer | undefined {
    return this.consumer;
  }

  /** Creates `known_communities` if missing (also done by `start`). */
  async prepare(): Promise<void> {
    await this.options.pool.query(KNOWN_COMMUNITIES_DDL);
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    await this.prepare();
    const { context, config, pool } = this.options;
    const topic = this.topic;
    const admin = new Kafka({ clientId: `cogov-${context}-admin`, brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const dlq = contextTopicSpecs(COMMUNITIES_SOURCE_CONTEXT, config.topicPrefix).find((spec) => spec.topic === deadLetterTopic(topic))!;
      await ensureTopics(admin, [
        // The spec of the residents' relay (BackgroundWork): ensureTopics must agree with it, or one side fails.
        { topic, partitions: this.options.sourcePartitions ?? 6, retentionMs: -1, replicationFactor: config.kafkaReplicationFactor },
        { ...dlq, replicationFactor: config.kafkaReplicationFactor },
      ]);
    } finally {
      await admin.disconnect();
    }
    const consumer = new InboxConsumer({
      pool,
      kafka: { brokers: config.kafkaBrokers, clientId: `cogov-${context}-community-directory` },
      groupId: this.groupId,
      topics: [topic],
      handle: recordKnownCommunity,
      // Only the registrations: the residents' topic carries every resident and appeal event too.
      eventTypes: [COMMUNITY_REGISTERED_TYPE],
      deadLetterTopic,
      ...(config.kafkaSessionTimeoutMs ? { sessionTimeoutMs: config.kafkaSessionTimeoutMs } : {}),
      ...(this.options.maxAttempts ? { maxAttempts: this.options.maxAttempts } : {}),
      logger: this.logger,
    });
    this.consumer = consumer;
    try {
      await consumer.start();
    } catch (error) {
      this.consumer = undefined;
      await consumer.stop().catch(() => undefined);
      throw error;
    }
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  /** The street of a community this context has learnt of, or undefined. */
  readonly streetOf: StreetLookup = async (communityId) => {
    const { rows } = await this.options.pool.query<{ street_id: string }>('select street_id from known_communities where community_id = $1', [
      communityId,
    ]);
    return rows[0]?.street_id;
  };
}
