import { Kafka, logLevel, type Admin } from 'kafkajs';
import { EVENTS_CHANNEL, PostgresEventStore, ensureEventStoreSchema } from '@cogov/eventsourcing';
import { createTestDatabase, eventually, testKafka, type TestDatabase } from '@cogov/testing';
import { CLOUDEVENTS_CONTENT_TYPE, parseCloudEvent } from './cloud-event.js';
import { OutboxRelay } from './outbox-relay.js';
import { collect, metadataFor, streamVersionsByKey, testLogger } from './test-support.js';
import { TopicMismatchError, ensureTopics, eventsTopic } from './topics.js';

describe('OutboxRelay', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let admin: Admin;
  const kafka = testKafka('relay');
  const topic = eventsTopic('residents', kafka.prefix);

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
    admin = new Kafka({ brokers: kafka.brokers, clientId: 'relay-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic, partitions: 3, retentionMs: 7 * 24 * 3_600_000 }]);
  });

  afterAll(async () => {
    await admin?.disconnect();
    await db?.drop();
  });

  it('creates topics idempotently and refuses a different partition count', async () => {
    await ensureTopics(admin, [{ topic, partitions: 3, retentionMs: 7 * 24 * 3_600_000 }]);
    await expect(ensureTopics(admin, [{ topic, partitions: 6, retentionMs: 1 }])).rejects.toBeInstanceOf(TopicMismatchError);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: topic, configNames: ['retention.ms', 'cleanup.policy'] }],
    });
    expect(Object.fromEntries(resources[0]!.configEntries.map((e) => [e.configName, e.configValue]))).toEqual({
      'retention.ms': String(7 * 24 * 3_600_000),
      'cleanup.policy': 'delete',
    });
  });

  it('publishes every event of many streams as CloudEvents, in order per stream, woken by NOTIFY', async () => {
    const streams = Array.from({ length: 40 }, (_, i) => `appeal-${i}`);
    const perStream = 15;
    const appendRound = (round: number) =>
      Promise.all(
        streams.map((streamId) =>
          store.append(
            streamId,
            [{ type: 'AppealFiled', data: { round, streamId }, metadata: metadataFor(`community-${streamId.length % 3}`) }],
            { expectedVersion: round === 0 ? 'no-stream' : round },
          ),
        ),
      );
    // Some events exist before the relay starts (catch-up), the rest arrive while it runs.
    for (let round = 0; round < 5; round++) await appendRound(round);

    const logger = testLogger();
    const relay = new OutboxRelay({
      pool: db.pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers: kafka.brokers, clientId: 'relay-a' },
      source: '/cogov/residents',
      topicFor: () => topic,
      name: 'residents',
      // Far longer than the test: only NOTIFY can wake the relay for the later appends.
      pollIntervalMs: 120_000,
      batchSize: 100,
      logger,
    });
    await relay.start();
    try {
      for (let round = 5; round < perStream; round++) await appendRound(round);
      const total = streams.length * perStream;
      await eventually(() => relay.publishedCount === total, { timeoutMs: 30_000, what: `${total} published` });
      expect(await relay.lag()).toBe(0);
      expect(relay.lastPublishedAt).toBeInstanceOf(Date);

      const messages = await collect(kafka.brokers, topic, total);
      expect(messages).toHaveLength(total);
      const versions = streamVersionsByKey(messages);
      expect(versions.size).toBe(streams.length);
      for (const streamId of streams) expect(versions.get(streamId)).toEqual(Array.from({ length: perStream }, (_, i) => i + 1));

      const [stored] = await store.readStream('appeal-7', { fromVersion: 3, toVersion: 3 });
      const message = messages.find((m) => m.headers.ce_id === stored!.metadata.eventId)!;
      expect(message.key).toBe('appeal-7');
      expect(message.headers).toMatchObject({
        'content-type': CLOUDEVENTS_CONTENT_TYPE,
        ce_type: 'cn.cogov.residents.appeal-filed.v1',
        ce_communityid: stored!.metadata.communityId,
      });
      expect(parseCloudEvent({ value: message.value })).toEqual({
        specversion: '1.0',
        id: stored!.metadata.eventId,
        source: '/cogov/residents',
        type: 'cn.cogov.residents.appeal-filed.v1',
        subject: 'appeal-7',
        time: new Date(stored!.metadata.occurredAt).toISOString(),
        datacontenttype: 'application/json',
        data: { round: 2, streamId: 'appeal-7' },
        communityid: stored!.metadata.communityId,
        correlationid: stored!.metadata.correlationId,
        causationid: stored!.metadata.causationId,
        streamversion: 3,
        actor: 'user:staff-1',
      });
      expect(logger.errors).toEqual([]);
    } finally {
      await relay.stop();
    }
    const { rows } = await db.pool.query('select transaction_id::text, global_position::text from msg_relay_checkpoints');
    expect(rows).toEqual([{ transaction_id: relay.checkpoint!.transactionId, global_position: relay.checkpoint!.globalPosition }]);
  });

  it('finds events the NOTIFY could not reveal with its backstop poll', async () => {
    const pollTopic = eventsTopic('residents-poll', kafka.prefix);
    await ensureTopics(admin, [{ topic: pollTopic, partitions: 1, retentionMs: 3_600_000 }]);
    const relay = new OutboxRelay({
      pool: db.pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers: kafka.brokers, clientId: 'relay-poll' },
      source: '/cogov/residents',
      topicFor: () => pollTopic,
      name: 'residents-poll',
      pollIntervalMs: 300,
      logger: testLogger(),
    });
    await relay.start();
    const holder = await db.pool.connect();
    try {
      await eventually(async () => relay.publishedCount > 0 && (await relay.lag()) === 0, { what: 'the relay to catch up' });
      const before = relay.publishedCount;
      // An older open transaction holds the snapshot horizon: the append's NOTIFY wakes the relay, but the
      // gap-free read may not return the event yet. When the holder ends, no NOTIFY follows.
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      await store.append('appeal-late', [{ type: 'AppealFiled', data: {}, metadata: metadataFor('community-1') }], {
        expectedVersion: 'no-stream',
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(relay.publishedCount).toBe(before);
      await holder.query('commit');
      await eventually(() => relay.publishedCount === before + 1, { timeoutMs: 5_000, what: 'the poll to publish it' });
    } finally {
      holder.release();
      await relay.stop();
    }
  });

  it('passes over internal events (topicFor answers null) and moves its checkpoint past them', async () => {
    const internalTopic = eventsTopic('organisations-internal', kafka.prefix);
    await ensureTopics(admin, [{ topic: internalTopic, partitions: 1, retentionMs: 3_600_000 }]);
    const relay = new OutboxRelay({
      pool: db.pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers: kafka.brokers, clientId: 'relay-internal' },
      source: '/cogov/organisations',
      // Only this test's public event has a topic; the earlier tests' events are passed over like the internal ones.
      topicFor: (event) => (event.type === 'OrganisationRegistered' ? internalTopic : null),
      name: 'organisations-internal',
      logger: testLogger(),
    });
    await relay.start();
    try {
      await eventually(async () => relay.isLeader && (await relay.lag()) === 0, { what: 'the relay to catch up with the earlier tests' });
      const [published, skipped] = [relay.publishedCount, relay.skippedCount];
      for (const [streamId, type] of [
        ['credit-code-1', 'OrganisationCreditCodeReserved'],
        ['organisation-1', 'OrganisationRegistered'],
        ['credit-code-2', 'OrganisationCreditCodeReserved'],
      ] as const) {
        await store.append(streamId, [{ type, data: {}, metadata: metadataFor('community-1') }], { expectedVersion: 'no-stream' });
      }
      await eventually(async () => relay.publishedCount === published + 1 && relay.skippedCount === skipped + 2 && (await relay.lag()) === 0, {
        what: 'one event published, two passed over',
      });
      const received = await collect(kafka.brokers, internalTopic, 1);
      expect(received.map((m) => parseCloudEvent({ value: m.value }).type)).toEqual(['cn.cogov.organisations.organisation-registered.v1']);
    } finally {
      await relay.stop();
    }
  });
});
