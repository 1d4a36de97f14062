import { Kafka, logLevel } from 'kafkajs';
import { EVENTS_CHANNEL, PostgresEventStore, ensureEventStoreSchema } from '@cogov/eventsourcing';
import { createTestDatabase, eventually, testKafka, type TestDatabase } from '@cogov/testing';
import { OutboxRelay } from './outbox-relay.js';
import { ADVISORY_LOCK_NAMESPACE } from './schema.js';
import { collect, metadataFor, streamVersionsByKey, testLogger } from './test-support.js';
import { contextTopicSpecs, ensureTopics, eventsTopic } from './topics.js';

describe('OutboxRelay leader election', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const kafka = testKafka('leader');
  const topic = eventsTopic('property', kafka.prefix);

  beforeAll(async () => {
    db = await createTestDatabase('relay_leader');
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
    const admin = new Kafka({ brokers: kafka.brokers, clientId: 'leader-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, contextTopicSpecs('property', kafka.prefix));
    } finally {
      await admin.disconnect();
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  const relay = (clientId: string) =>
    new OutboxRelay({
      pool: db.pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers: kafka.brokers, clientId },
      source: '/cogov/property',
      topicFor: () => topic,
      name: 'property',
      pollIntervalMs: 500,
      leaderRetryMs: 500,
      batchSize: 20,
      logger: testLogger(),
    });

  const versions = new Map<string, number>();
  async function appendEvents(count: number) {
    for (let i = 0; i < count; i++) {
      const streamId = `work-order-${i % 10}`;
      const version = versions.get(streamId) ?? 0;
      await store.append(streamId, [{ type: 'WorkOrderOpened', data: { i }, metadata: metadataFor('community-3') }], {
        expectedVersion: version === 0 ? 'no-stream' : version,
      });
      versions.set(streamId, version + 1);
    }
  }

  it('lets exactly one relay publish, and another take over within seconds when the leader dies', async () => {
    const first = relay('relay-first');
    const second = relay('relay-second');
    await first.start();
    await eventually(() => first.isLeader, { what: 'the first relay to lead' });
    await second.start();
    try {
      await appendEvents(100);
      await eventually(() => first.publishedCount === 100, { what: '100 published by the leader' });
      expect(second.isLeader).toBe(false);
      expect(second.publishedCount).toBe(0);

      // Kill the leader's lock connection, as a crashed process or a network cut would; events keep coming.
      const appending = appendEvents(100);
      const { rowCount } = await db.pool.query(
        `select pg_terminate_backend(pid) from pg_locks
         where locktype = 'advisory' and classid = $1::bigint::oid and database = (select oid from pg_database where datname = current_database())`,
        [ADVISORY_LOCK_NAMESPACE],
      );
      expect(rowCount).toBe(1);
      const killedAt = Date.now();
      await eventually(() => second.isLeader, { timeoutMs: 5_000, intervalMs: 50, what: 'the second relay to take over' });
      const takeoverMs = Date.now() - killedAt;
      await appending;
      await eventually(() => !first.isLeader, { what: 'the first relay to step down' });

      await eventually(() => second.publishedCount > 0 && first.publishedCount + second.publishedCount >= 200, {
        what: 'all 200 events published',
      });
      expect(first.isLeader).toBe(false);
      expect(await second.lag()).toBe(0);
      process.stdout.write(`leader takeover after ${takeoverMs} ms\n`);
    } finally {
      await second.stop();
      await first.stop();
    }

    const published = first.publishedCount + second.publishedCount;
    const messages = await collect(kafka.brokers, topic, published);
    // Duplicates are allowed across the takeover only as the same event (same ce id), never lost or reordered.
    expect(new Set(messages.map((m) => m.headers.ce_id)).size).toBe(200);
    const byStream = streamVersionsByKey(messages);
    for (let s = 0; s < 10; s++) expect(byStream.get(`work-order-${s}`)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
