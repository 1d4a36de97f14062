import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import type pg from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@cogov/eventsourcing';
import { eventsTopic, toCloudEvent, toKafkaMessage } from '@cogov/messaging';
import { eventually, testKafkaBrokers } from '@cogov/testing';
import type { RunningService } from './suite.js';

/** Runs a GraphQL operation and answers its data, failing the test with the errors otherwise. */
export async function ok<T>(app: RunningService, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await app.graphql<T>(token, query, variables);
  if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** An event as the tests read it: any type, data of any shape. */
export type StoredEvent = { type: string; data: Record<string, unknown> };

/** The stored events of a type in a service's event store, oldest first. */
export async function storedEvents(pool: pg.Pool, type: string): Promise<RecordedEvent<StoredEvent>[]> {
  const { rows } = await pool.query<{ stream_id: string; stream_version: number }>(
    'select stream_id, stream_version from es_events where event_type = $1 order by global_position',
    [type],
  );
  const store = new PostgresEventStore(pool, { notify: false });
  const events: RecordedEvent<StoredEvent>[] = [];
  for (const row of rows) events.push(...((await store.readStream(row.stream_id, { fromVersion: row.stream_version, toVersion: row.stream_version })) as RecordedEvent<StoredEvent>[]));
  return events;
}

/**
 * Publishes stored events again, exactly as their relay did (same CloudEvent id, key = stream id): what a relay
 * that crashed before moving its checkpoint does on restart. A consumer must treat it as a duplicate.
 */
export async function redeliver(context: string, prefix: string, events: readonly RecordedEvent[]): Promise<void> {
  const producer: Producer = new Kafka({ brokers: testKafkaBrokers(), clientId: 'e2e-redeliver', logLevel: logLevel.NOTHING }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({
      topic: eventsTopic(context, prefix),
      acks: -1,
      messages: events.map((event) => toKafkaMessage(toCloudEvent(event, { source: `/cogov/${context}` }))),
    });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Waits until a consumer group has committed every message of a topic as it is now: whatever was published
 * before the call (a redelivery, say) has been handled — as an effect or as a duplicate.
 */
export async function waitUntilConsumed(groupId: string, topic: string, timeoutMs = 30_000): Promise<void> {
  const admin = new Kafka({ brokers: testKafkaBrokers(), clientId: 'e2e-lag', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return committed!.partitions.every((p) => Number(p.offset) >= (ends.get(p.partition) ?? 0) || (ends.get(p.partition) ?? 0) === 0);
      },
      { what: `${groupId} to consume ${topic} up to its end`, timeoutMs },
    );
  } finally {
    await admin.disconnect();
  }
}
