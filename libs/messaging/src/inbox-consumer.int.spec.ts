import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type Producer } from 'kafkajs';
import type { RecordedEvent } from '@cogov/eventsourcing';
import { createTestDatabase, eventually, testKafka, type TestDatabase } from '@cogov/testing';
import { toCloudEvent, toKafkaMessage } from './cloud-event.js';
import { DLQ_HEADERS, InboxConsumer, type InboxHandler } from './inbox-consumer.js';
import { collect, metadataFor, testLogger } from './test-support.js';
import { deadLetterTopic, ensureTopics, eventsTopic } from './topics.js';

function recorded(streamId: string, streamVersion: number, data: Record<string, unknown>): RecordedEvent {
  return {
    type: 'VolunteerRegistered',
    data,
    schemaVersion: 1,
    metadata: metadataFor('community-9'),
    streamId,
    streamVersion,
    globalPosition: String(streamVersion),
    transactionId: '1',
    recordedAt: new Date().toISOString(),
  };
}

const asMessage = (event: RecordedEvent) => toKafkaMessage(toCloudEvent(event, { source: '/cogov/volunteers' }));

describe('InboxConsumer', () => {
  let db: TestDatabase;
  let admin: Admin;
  let producer: Producer;
  const kafka = testKafka('inbox');
  const topic = eventsTopic('volunteers', kafka.prefix);
  const dlq = deadLetterTopic(topic);

  /** The effect under test: one row per applied event, written through the inbox's transaction. */
  const recordEffect: InboxHandler<{ poison?: boolean }> = async (event, client) => {
    await client.query('insert into effects (event_id, subject) values ($1, $2)', [event.id, event.subject]);
    if (event.data.poison) throw new Error(`cannot apply ${event.subject}: poison`);
  };

  const consumer = (groupId: string, logger = testLogger()) =>
    new InboxConsumer({
      pool: db.pool,
      kafka: { brokers: kafka.brokers, clientId: groupId },
      groupId,
      topics: [topic],
      handle: recordEffect,
      maxAttempts: 3,
      retryBackoffMs: 50,
      deadLetterTopic: deadLetterTopic,
      logger,
    });

  const effects = async (subject?: string) =>
    Number(
      (
        await db.pool.query<{ n: string }>('select count(*) as n from effects where $1::text is null or subject = $1', [
          subject ?? null,
        ])
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    db = await createTestDatabase('inbox');
    await db.pool.query('create table effects (event_id text not null, subject text not null)');
    const client = new Kafka({ brokers: kafka.brokers, clientId: 'inbox-test', logLevel: logLevel.NOTHING });
    admin = client.admin();
    await admin.connect();
    await ensureTopics(admin, [
      { topic, partitions: 1, retentionMs: 3_600_000 },
      { topic: dlq, partitions: 1, retentionMs: 3_600_000 },
    ]);
    producer = client.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await db?.drop();
  });

  it('applies a redelivered message only once', async () => {
    const events = Array.from({ length: 20 }, (_, i) => recorded(`volunteer-${i}`, 1, { n: i }));
    // The same event published twice, as a relay does across a failed send.
    await producer.send({ topic, acks: -1, messages: [...events.map(asMessage), asMessage(events[0]!)] });

    const first = consumer('inbox-once');
    await first.start();
    try {
      await eventually(() => first.appliedCount + first.duplicateCount === 21, { what: '21 messages handled' });
      expect(first.appliedCount).toBe(20);
      expect(first.duplicateCount).toBe(1);
      await eventually(async () => (await first.lag()).every((p) => p.lag === 0), { what: 'lag 0 after commit' });
    } finally {
      await first.stop();
    }
    expect(await effects()).toBe(20);

    // Rewind the group to the beginning: every message comes again, none has a second effect.
    await admin.resetOffsets({ groupId: 'inbox-once', topic, earliest: true });
    const again = consumer('inbox-once');
    expect(await again.lag()).toEqual([{ topic, partition: 0, committedOffset: '-2', highWatermark: '21', lag: 21 }]);
    await again.start();
    try {
      await eventually(() => again.duplicateCount === 21, { what: '21 redeliveries skipped' });
      expect(again.appliedCount).toBe(0);
    } finally {
      await again.stop();
    }
    expect(await effects()).toBe(20);
  });

  it('dead-letters a poison message with its error and keeps the partition flowing', async () => {
    const before = recorded('volunteer-before', 1, { n: 1 });
    const poison = recorded('volunteer-poison', 1, { poison: true });
    const after = recorded('volunteer-after', 1, { n: 2 });
    await producer.send({
      topic,
      acks: -1,
      messages: [asMessage(before), asMessage(poison), { key: 'garbage', value: '{not json' }, asMessage(after)],
    });
    const offsets = await admin.fetchTopicOffsets(topic);
    const poisonOffset = String(Number(offsets[0]!.high) - 3);

    const logger = testLogger();
    const worker = consumer(`inbox-dlq-${randomUUID()}`, logger);
    await worker.start();
    try {
      await eventually(async () => (await effects('volunteer-after')) === 1, { what: 'the message after the poison applied' });
      expect(worker.deadLetteredCount).toBe(2);
    } finally {
      await worker.stop();
    }
    expect(await effects('volunteer-before')).toBe(1);
    // Each failed attempt rolled back its partial effect.
    expect(await effects('volunteer-poison')).toBe(0);

    const dead = await collect(kafka.brokers, dlq, 2);
    const poisoned = dead.find((m) => m.key === 'volunteer-poison')!;
    expect(poisoned.headers).toMatchObject({
      ce_id: poison.metadata.eventId,
      [DLQ_HEADERS.error]: 'cannot apply volunteer-poison: poison',
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: '0',
      [DLQ_HEADERS.originalOffset]: poisonOffset,
      [DLQ_HEADERS.attempts]: '3',
    });
    expect(JSON.parse(poisoned.value).id).toBe(poison.metadata.eventId);
    const garbage = dead.find((m) => m.key === 'garbage')!;
    expect(garbage.value).toBe('{not json');
    expect(garbage.headers[DLQ_HEADERS.attempts]).toBe('0');
    expect(garbage.headers[DLQ_HEADERS.error]).toMatch(/not JSON/);
    expect(logger.errors.filter((line) => line.includes('dead-lettered'))).toHaveLength(2);
  });
});
