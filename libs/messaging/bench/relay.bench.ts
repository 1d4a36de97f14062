import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { EVENTS_CHANNEL, PostgresEventStore, ensureEventStoreSchema, type EventToAppend } from '@cogov/eventsourcing';
import { OutboxRelay, ensureTopics, eventsTopic, silentLogger } from '../src/index.js';

export interface Row {
  name: string;
  opsPerSec: number;
  eventsPerSec: number;
  note: string;
}

const STREAMS = 1_000;
const EVENTS_PER_STREAM = 100;
const TOTAL = STREAMS * EVENTS_PER_STREAM;
const PRELOAD_WRITERS = 4;
const PUBLISH_DEADLINE_MS = 90_000;
const PARTITIONS = 6;

/**
 * Relay throughput: ~100k events pre-loaded into a fresh event store, then the time for one relay to get
 * them all acknowledged by the broker (acks=all, idempotent producer, one request in flight).
 * Uses its own database and topic and removes both afterwards.
 */
export async function benchRelay({
  databaseUrl,
  brokers,
  log,
}: {
  databaseUrl: string;
  brokers: string[];
  log: (line: string) => void;
}): Promise<Row[]> {
  const suffix = randomBytes(4).toString('hex');
  const database = `cogov_bench_relay_${suffix}`;
  const topic = eventsTopic('bench', `bench.${suffix}`);
  await adminQuery(databaseUrl, `create database ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: PRELOAD_WRITERS + 2 });
  const admin = new Kafka({ brokers, clientId: 'cogov-bench-relay', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await ensureEventStoreSchema(pool);
    await ensureTopics(admin, [{ topic, partitions: PARTITIONS, retentionMs: 3_600_000 }]);

    log(`relay bench: pre-loading ${TOTAL} events (${STREAMS} streams × ${EVENTS_PER_STREAM}) …`);
    const store = new PostgresEventStore(pool);
    const preloadStarted = performance.now();
    let nextStream = 0;
    await Promise.all(
      Array.from({ length: PRELOAD_WRITERS }, async () => {
        while (nextStream < STREAMS) {
          const stream = nextStream++;
          await store.append(`bench-appeal-${stream}`, Array.from({ length: EVENTS_PER_STREAM }, (_, i) => benchEvent(stream, i)), {
            expectedVersion: 'no-stream',
          });
        }
      }),
    );
    const preloadSeconds = (performance.now() - preloadStarted) / 1000;

    const relay = new OutboxRelay({
      pool,
      eventLog: store,
      notifyChannel: EVENTS_CHANNEL,
      kafka: { brokers, clientId: 'cogov-bench-relay' },
      source: '/cogov/bench',
      topicFor: () => topic,
      name: 'bench',
      logger: silentLogger,
    });
    log('relay bench: publishing …');
    const started = performance.now();
    await relay.start();
    try {
      while (relay.publishedCount < TOTAL) {
        if (performance.now() - started > PUBLISH_DEADLINE_MS) {
          throw new Error(`relay bench: only ${relay.publishedCount}/${TOTAL} events published in ${PUBLISH_DEADLINE_MS} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await relay.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const eventsPerSec = Math.round(TOTAL / seconds);
    log(`relay bench: ${TOTAL} events published in ${seconds.toFixed(2)} s (${eventsPerSec} events/s)`);
    return [
      {
        name: 'messaging: relay publish (acks=all, idempotent)',
        opsPerSec: eventsPerSec,
        eventsPerSec,
        note: `${TOTAL} events of ${STREAMS} streams, ${PARTITIONS} partitions, batches of 2000, CloudEvents structured; includes leader lock and producer start`,
      },
      {
        name: 'messaging: relay bench pre-load (event store append)',
        opsPerSec: Math.round(STREAMS / preloadSeconds),
        eventsPerSec: Math.round(TOTAL / preloadSeconds),
        note: `${PRELOAD_WRITERS} writers, ${EVENTS_PER_STREAM} events per append`,
      },
    ];
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await pool.end();
    await adminQuery(databaseUrl, `drop database if exists ${database} with (force)`);
  }
}

function benchEvent(stream: number, index: number): EventToAppend {
  const eventId = randomUUID();
  return {
    type: index === 0 ? 'AppealFiled' : 'AppealProgressNoted',
    data: { appealId: `appeal-${stream}`, note: `progress ${index} on the leaking roof of building 3, unit 2`, channel: 'hotline' },
    metadata: {
      eventId,
      actor: 'user:grid-worker-7',
      communityId: `community-${stream % 20}`,
      correlationId: eventId,
      causationId: eventId,
      occurredAt: new Date().toISOString(),
    },
  };
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
