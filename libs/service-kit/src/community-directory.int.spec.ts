import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type Producer } from 'kafkajs';
import type { RecordedEvent } from '@cogov/eventsourcing';
import { DLQ_HEADERS, deadLetterTopic, eventsTopic, toCloudEvent, toKafkaMessage } from '@cogov/messaging';
import { createTestDatabase, eventually, testKafka, type TestDatabase } from '@cogov/testing';
import { CommunityDirectory, COMMUNITY_REGISTERED_TYPE } from './community-directory.js';

/** A residents event as its relay publishes it (source `/cogov/residents`, key = stream id). */
function residentsEvent(type: string, communityId: string, data: Record<string, unknown>): RecordedEvent {
  const eventId = randomUUID();
  return {
    type,
    data,
    schemaVersion: 1,
    metadata: { eventId, actor: 'user:staff-1', communityId, correlationId: randomUUID(), causationId: eventId, occurredAt: new Date().toISOString() },
    streamId: `community-${communityId}`,
    streamVersion: 1,
    globalPosition: '1',
    transactionId: '1',
    recordedAt: new Date().toISOString(),
  };
}
const asMessage = (event: RecordedEvent) => toKafkaMessage(toCloudEvent(event, { source: '/cogov/residents' }));
const registered = (communityId: string, streetId: string) =>
  residentsEvent('CommunityRegistered', communityId, { communityId, name: '和平里社区', streetId, streetName: '和平里街道' });

describe('CommunityDirectory', () => {
  let db: TestDatabase;
  let admin: Admin;
  let producer: Producer;
  let directory: CommunityDirectory;
  const kafka = testKafka('community_directory');
  const topic = eventsTopic('residents', kafka.prefix);
  const errors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('community_directory');
    const client = new Kafka({ brokers: kafka.brokers, clientId: 'community-directory-test', logLevel: logLevel.NOTHING });
    admin = client.admin();
    await admin.connect();
    producer = client.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    directory = new CommunityDirectory({
      context: 'volunteers',
      config: { kafkaBrokers: kafka.brokers, topicPrefix: kafka.prefix, kafkaReplicationFactor: 1 },
      pool: db.pool,
      maxAttempts: 2,
      logger: { log: () => undefined, warn: () => undefined, error: (m) => void errors.push(m) },
    });
  }, 30_000);

  afterAll(async () => {
    await directory?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await db?.drop();
  }, 30_000);

  it('creates the residents topic as its relay would, when the residents service has not yet', async () => {
    expect(await admin.listTopics()).not.toContain(topic);
    await directory.start();
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] });
    expect(topics.map((t) => [t.name, t.partitions.length])).toEqual(
      expect.arrayContaining([
        [topic, 6],
        [deadLetterTopic(topic), 1],
      ]),
    );
    expect(directory.groupId).toBe(`${kafka.prefix}.cogov.volunteers.community-directory`);
    // Starting again (another instance, a restart) is harmless.
    await directory.start();
  }, 30_000);

  it('learns the street of a registered community once, ignores other events and dead-letters malformed ones', async () => {
    const [a, b, streetA, streetB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const first = registered(a, streetA);
    const malformed = residentsEvent('CommunityRegistered', randomUUID(), { communityId: 'x', name: 'y' });
    expect(toCloudEvent(first, { source: '/cogov/residents' }).type).toBe(COMMUNITY_REGISTERED_TYPE);
    expect(await directory.streetOf(a)).toBeUndefined();
    await producer.send({
      topic,
      acks: -1,
      messages: [
        asMessage(first),
        // The same event again, as a relay republishes after a failed send.
        asMessage(first),
        asMessage(residentsEvent('GridDelineated', a, { communityId: a, gridId: randomUUID(), name: '一网格' })),
        asMessage(malformed),
        asMessage(registered(b, streetB)),
      ],
    });

    expect(await eventually(() => directory.streetOf(a), { what: 'the street of community a' })).toBe(streetA);
    expect(await eventually(() => directory.streetOf(b), { what: 'the street of community b' })).toBe(streetB);
    await eventually(() => directory.inbox!.duplicateCount === 1 && directory.inbox!.deadLetteredCount === 1, {
      what: 'the duplicate skipped and the malformed event dead-lettered',
    });
    const rows = await db.pool.query('select community_id, street_id from known_communities order by community_id');
    expect(rows.rows).toEqual(
      [
        { community_id: a, street_id: streetA },
        { community_id: b, street_id: streetB },
      ].sort((x, y) => x.community_id.localeCompare(y.community_id)),
    );
    // One inbox row per distinct event: the duplicate had no second effect.
    expect(Number((await db.pool.query<{ n: string }>('select count(*) as n from msg_inbox where event_id = $1', [first.metadata.eventId])).rows[0]!.n)).toBe(1);
    expect(errors.some((line) => line.includes('dead-lettered') && line.includes(deadLetterTopic(topic)))).toBe(true);

    // The dead-lettered copy carries the messaging lib's dlq_* headers.
    const reader = new Kafka({ brokers: kafka.brokers, clientId: 'dlq-reader', logLevel: logLevel.NOTHING }).consumer({ groupId: `${kafka.prefix}.dlq-reader` });
    const dead: Record<string, string>[] = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [deadLetterTopic(topic)], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) =>
          void dead.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]))),
      });
      await eventually(() => dead.length >= 1, { what: 'the dead-lettered message' });
    } finally {
      await reader.disconnect();
    }
    expect(dead[0]).toMatchObject({
      ce_id: malformed.metadata.eventId,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.consumer]: directory.groupId,
      [DLQ_HEADERS.attempts]: '2',
    });
  }, 60_000);

  it('has no second effect when the whole topic is delivered again', async () => {
    const before = (await db.pool.query('select * from known_communities order by community_id')).rows;
    await directory.stop();
    await admin.resetOffsets({ groupId: directory.groupId, topic, earliest: true });
    await directory.start();
    // Five messages: three already in the inbox (the registration twice, and b's); the grid event is not a type
    // the directory acts on, so it never had a transaction or an inbox row; the malformed one goes to the DLQ again.
    await eventually(
      async () =>
        directory.inbox!.duplicateCount === 3 &&
        directory.inbox!.skippedCount === 1 &&
        directory.inbox!.deadLetteredCount === 1 &&
        (await directory.inbox!.lag()).every((p) => p.lag === 0),
      {
      what: 'every message redelivered and skipped',
      timeoutMs: 30_000,
    });
    expect(directory.inbox!.appliedCount).toBe(0);
    expect((await db.pool.query('select * from known_communities order by community_id')).rows).toEqual(before);
  }, 60_000);
});
