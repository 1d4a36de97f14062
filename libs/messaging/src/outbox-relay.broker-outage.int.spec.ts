import { Kafka, logLevel } from 'kafkajs';
import { EVENTS_CHANNEL, PostgresEventStore, ensureEventStoreSchema } from '@cogov/eventsourcing';
import { createTestDatabase, eventually, startLocalBroker, stopLocalBroker, testKafka, type TestDatabase } from '@cogov/testing';
import { OutboxRelay } from './outbox-relay.js';
import { collect, metadataFor, streamVersionsByKey, testLogger } from './test-support.js';
import { ensureTopics, eventsTopic } from './topics.js';

/** A broker of its own: stopping it must not disturb the other test files, which use the default one. */
const chaosBroker = { KAFKA_INSTANCE: 'chaos', KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093' };
const brokers = ['127.0.0.1:19092'];

describe('OutboxRelay when the broker goes away', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const topic = eventsTopic('residents', testKafka('outage').prefix);

  beforeAll(async () => {
    startLocalBroker(chaosBroker);
    db = await createTestDatabase('relay_outage');
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
    const admin = new Kafka({ brokers, clientId: 'outage-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic, partitions: 3, retentionMs: 24 * 3_600_000 }]);
    } finally {
      await admin.disconnect();
    }
  }, 180_000);

  afterAll(async () => {
    await db?.drop();
    stopLocalBroker(chaosBroker);
  }, 60_000);

  it('keeps events in PostgreSQL while the broker is down and delivers all of them, in order, when it returns', async () => {
    const streams = Array.from({ length: 20 }, (_, i) => `household-${i}`);
    const versions = new Map(streams.map((s) => [s, 0]));
    const appendRound = async () => {
      for (const streamId of streams) {
        const expected = versions.get(streamId)!;
        await store.append(
          streamId,
          [
            { type: 'HouseholdRegistered', data: { n: expected + 1 }, metadata: metadataFor('community-1') },
            { type: 'HouseholdRegistered', data: { n: expected + 2 }, metadata: metadataFor('community-1') },
          ],
          { expectedVersion: expected === 0 ? 'no-stream' : expected },
        );
        versions.set(streamId, expected + 2);
      }
    };

    const logger = testLogger();
    const relay = new OutboxRelay({
      pool: db.pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers, clientId: 'relay-outage' },
      source: '/cogov/residents',
      topicFor: () => topic,
      name: 'residents',
      pollIntervalMs: 500,
      batchSize: 25,
      maxBackoffMs: 1_000,
      logger,
    });
    await relay.start();
    try {
      await appendRound();
      await eventually(() => relay.publishedCount === 40, { timeoutMs: 20_000, what: '40 published before the outage' });

      stopLocalBroker(chaosBroker);
      for (let i = 0; i < 5; i++) await appendRound();
      await eventually(() => logger.errors.some((line) => line.includes('did not acknowledge')), {
        timeoutMs: 30_000,
        what: 'the relay to report the outage',
      });
      const checkpointDuringOutage = relay.checkpoint;
      expect(relay.publishedCount).toBe(40);
      expect(await relay.lag()).toBe(200);

      startLocalBroker(chaosBroker);
      await eventually(() => relay.publishedCount === 240, { timeoutMs: 60_000, what: 'all 240 published after the outage' });
      expect(relay.checkpoint).not.toEqual(checkpointDuringOutage);
      expect(await relay.lag()).toBe(0);
    } finally {
      await relay.stop();
    }

    const messages = await collect(brokers, topic, 240);
    expect(new Set(messages.map((m) => m.headers.ce_id)).size).toBe(240);
    const byStream = streamVersionsByKey(messages);
    for (const streamId of streams) expect(byStream.get(streamId)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  }, 180_000);
});
