/**
 * Webhook delivery on the built service (`dist/services/webhooks/src/main.js`, a process of its own, as
 * `npm start` runs it), fed through the real broker: public events put on the residents' public topic as its relay
 * publishes them, delivered to a receiver on this machine (`node:http`, in this process).
 * 1. throughput, live: a burst of events over 64 streams published right after the subscription is made,
 *    deliveries/s from the first arrival to the last (the intake and the dispatcher together);
 * 2. throughput, backlog: the same events replayed to a new subscription, all queued at once (the dispatcher alone),
 *    to a receiver answering at once, then to one taking 20 ms (what `WEBHOOK_CONCURRENCY` buys);
 * 3. one stream: strictly one request in flight, so the figure is one delivery's full cycle;
 * 4. latency: events published one at a time at a steady rate, from the producer's ack to the arrival at the receiver.
 * Every row checks what it measured: each event arrived exactly once, each stream's versions in order (1, 2, 3 …),
 * and every delivery is recorded delivered on its first try; a bench measuring a broken delivery throws.
 * Uses its own database, topic prefix and key folder, and removes them afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, Partitioners, logLevel, type Message, type Producer } from 'kafkajs';
import pg from 'pg';
import { ensureDevKeys, mintToken } from '@cogov/auth';
import { publicTopic } from '@cogov/contracts';
import { toKafkaMessage } from '@cogov/messaging';
import { freePort, startBuiltService, type BuiltServiceProcess } from '@cogov/testing';
import type { BenchContext, BenchRow } from '@cogov/testing';
import { appealEvent, publicEvent } from '../test/public-events.js';

export type Row = BenchRow;

export interface BenchOptions extends BenchContext {
  /** `WEBHOOK_CONCURRENCY` of the service (default 16, the service's own default). */
  concurrency?: number;
  /**
   * Events of the burst and backlog rows (default 5,000);
   * the last `slowEvents` of them (default 2,000) are replayed to a receiver taking 20 ms.
   */
  burstEvents?: number;
  slowEvents?: number;
  /** Events of the one-stream row (default 500). */
  serialEvents?: number;
  /** The latency row: events published one at a time at `ratePerSecond` (defaults 200 at 20/s). */
  latencyEvents?: number;
  ratePerSecond?: number;
}

const FILED = 'cn.cogov.public.residents.appeal-filed.v1';
const ACCEPTED = 'cn.cogov.public.residents.appeal-accepted.v1';
const STREAMS = 64;
const SLOW_RECEIVER_MS = 20;
/** How long a row may take to arrive in full before the bench gives up (it throws: nothing to measure). */
const ARRIVAL_TIMEOUT_MS = 90_000;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Arrival {
  at: number;
  id: string;
  stream: string;
  version: number;
}

/** The partner's end: records every POST (per subscription) and answers 200, at once or after `delayMs`. */
class Receiver {
  delayMs = 0;
  private readonly arrivals = new Map<string, Arrival[]>();
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  of(subscription: string): Arrival[] {
    return this.arrivals.get(subscription) ?? [];
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const at = performance.now();
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; subject: string; streamversion: number };
        const subscription = String(req.headers['cogov-subscription-id']);
        let list = this.arrivals.get(subscription);
        if (!list) this.arrivals.set(subscription, (list = []));
        list.push({ at, id: event.id, stream: event.subject, version: event.streamversion });
        if (this.delayMs > 0) setTimeout(() => res.writeHead(200).end(), this.delayMs);
        else res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

type PublicEvent = ReturnType<typeof publicEvent>;

/**
 * Throws unless every event of `events` arrived exactly once, nothing else arrived, and each stream's events arrived
 * in the order they were published (their versions, 1, 2, 3 … or from where a replay starts).
 */
function verify(what: string, arrivals: readonly Arrival[], events: readonly PublicEvent[]): void {
  const expected = new Map<string, PublicEvent[]>();
  for (const event of events) {
    const stream = expected.get(event.subject);
    if (stream) stream.push(event);
    else expected.set(event.subject, [event]);
  }
  const next = new Map<string, number>();
  for (const arrival of arrivals) {
    const stream = expected.get(arrival.stream);
    const index = next.get(arrival.stream) ?? 0;
    const wanted = stream?.[index];
    if (!wanted) throw new Error(`${what}: ${arrival.stream} v${arrival.version} (${arrival.id}) arrived, beyond what was published for this row: a duplicate?`);
    if (wanted.id !== arrival.id) {
      const twice = stream.slice(0, index).some((event) => event.id === arrival.id);
      throw new Error(`${what}: ${arrival.stream} v${arrival.version} arrived ${twice ? 'twice' : `where v${wanted.streamversion} was due: out of order`}`);
    }
    next.set(arrival.stream, index + 1);
  }
  const missing = [...expected].filter(([stream, list]) => (next.get(stream) ?? 0) < list.length).length;
  if (missing > 0 || arrivals.length !== events.length) throw new Error(`${what}: ${arrivals.length} of ${events.length} events arrived; ${missing} streams incomplete`);
}

/**
 * `streams` appeals' public events, as the residents' relay publishes them (only the envelope matters here),
 * interleaved as the partitions carry them: every stream's v1, then every stream's v2 … `time` (the event's
 * occurred_at, what a replay selects on) is `firstTime` plus the event's index in ms, when given.
 */
function streamEvents(communityId: string, streams: number, total: number, firstTime?: number): PublicEvent[] {
  const ids = Array.from({ length: streams }, () => randomUUID());
  return Array.from({ length: total }, (_, n) => {
    const appealId = ids[n % streams]!;
    const version = Math.floor(n / streams) + 1;
    return appealEvent(appealId, version, communityId, firstTime === undefined ? undefined : new Date(firstTime + n).toISOString());
  });
}

export async function benchWebhooks({
  databaseUrl,
  brokers,
  log,
  concurrency = 16,
  burstEvents = 5_000,
  slowEvents = 2_000,
  serialEvents = 500,
  latencyEvents = 200,
  ratePerSecond = 20,
}: BenchOptions): Promise<Row[]> {
  const suffix = randomBytes(4).toString('hex');
  const database = `cogov_bench_webhooks_${suffix}`;
  const prefix = `bench.${suffix}`;
  const topic = publicTopic('residents', prefix);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-bench-webhooks-'));
  const adminDb = new pg.Client({ connectionString: databaseUrl });
  await adminDb.connect();
  await adminDb.query(`create database ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const db = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const kafka = new Kafka({ clientId: 'cogov-bench-webhooks', brokers, logLevel: logLevel.NOTHING });
  let producer: Producer | undefined;
  let service: BuiltServiceProcess | undefined;
  const receiver = new Receiver();
  try {
    const keys = await ensureDevKeys(path.join(dataDir, 'keys'));
    const port = await freePort();
    await receiver.start();
    log(`webhooks: starting the built service (WEBHOOK_CONCURRENCY=${concurrency}) …`);
    service = await startBuiltService('webhooks', port, {
      DATABASE_URL: url.toString(),
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      COGOV_DATA: dataDir,
      JWT_JWKS_PATH: keys.jwksPath,
      WEBHOOK_ALLOW_INSECURE_TARGETS: 'true',
      WEBHOOK_CONCURRENCY: String(concurrency),
    });
    const organisationId = randomUUID();
    const admin = await mintToken(
      keys.privateKey,
      { subject: 'bench-admin', roles: ['organisation_admin'], jurisdiction: { organisationIds: [organisationId] }, clientId: 'bench' },
      '30m',
      keys.kid,
    );
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    const send = async (events: readonly PublicEvent[], batch = 500): Promise<void> => {
      for (let i = 0; i < events.length; i += batch) {
        const messages: Message[] = events.slice(i, i + batch).map((event) => toKafkaMessage(event));
        await producer!.send({ topic: publicTopic(events[i]!.source.split('/').pop()!, prefix), acks: -1, messages });
      }
    };
    const graphql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as { data?: T; errors?: unknown };
      if (answer.errors || !answer.data) throw new Error(`GraphQL error: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    };

    // The places and the organisation, as their services' relays publish them: a subscription names only known ones.
    const places = ['warm-up', 'burst', 'serial', 'latency'] as const;
    const communities = Object.fromEntries(places.map((place) => [place, randomUUID()])) as Record<(typeof places)[number], string>;
    await send(
      places.map((place) =>
        publicEvent({
          context: 'residents',
          eventType: 'CommunityRegistered',
          stream: `community-${communities[place]}`,
          version: 1,
          communityId: communities[place],
          data: { communityId: communities[place], name: `${place}社区`, streetId: 'street-bench', streetName: '测试街道' },
        }),
      ),
    );
    await send([
      publicEvent({
        context: 'organisations',
        eventType: 'OrganisationRegistered',
        stream: `organisation-${organisationId}`,
        version: 1,
        communityId: communities['warm-up'],
        data: {
          organisationId,
          communityId: communities['warm-up'],
          name: '阳光社工',
          type: 'social_organisation',
          creditCode: null,
          incubationStage: 'incubating',
          address: '幸福路 1 号',
          registeredAt: new Date().toISOString(),
        },
      }),
    ]);
    const registered = async (): Promise<boolean> => {
      const { rows } = await db.query<{ c: number; o: number }>('select (select count(*)::int from hook_community) as c, (select count(*)::int from hook_organisation) as o');
      return rows[0]!.c === places.length && rows[0]!.o === 1;
    };
    for (let until = Date.now() + 30_000; !(await registered().catch(() => false)); await sleep(50)) {
      if (Date.now() > until) throw new Error(`the registrations did not reach the webhooks service within 30 s:\n${service.output()}`);
    }

    const subscribe = async (place: (typeof places)[number]): Promise<string> => {
      const data = await graphql<{ createWebhookSubscription: { subscription: { id: string } } }>(
        `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`,
        { input: { organisationId, url: receiver.url, eventTypes: [FILED, ACCEPTED], communityIds: [communities[place]], description: `bench ${place}` } },
      );
      return data.createWebhookSubscription.subscription.id;
    };
    /** Each row's subscription and events, checked again at the end: a late second send would show then. */
    const checks: { row: string; subscription: string; events: PublicEvent[] }[] = [];
    const arrived = async (row: string, subscription: string, events: PublicEvent[]): Promise<Arrival[]> => {
      const until = Date.now() + ARRIVAL_TIMEOUT_MS;
      while (receiver.of(subscription).length < events.length) {
        if (service!.child.exitCode !== null) throw new Error(`${row}: the service exited with ${service!.child.exitCode}:\n${service!.output()}`);
        if (Date.now() > until) throw new Error(`${row}: ${receiver.of(subscription).length} of ${events.length} deliveries after ${ARRIVAL_TIMEOUT_MS / 1000} s:\n${service!.output()}`);
        await sleep(10);
      }
      verify(row, receiver.of(subscription), events);
      checks.push({ row, subscription, events });
      return receiver.of(subscription);
    };
    /** What the service recorded: every delivery delivered on its first try; the POSTs' times; the wait in the queue. */
    const recorded = async (row: string, subscription: string, count: number) => {
      // The receiver has the last one before the dispatcher has recorded it.
      for (let until = Date.now() + 10_000; Date.now() < until; await sleep(20)) {
        const pending = await db.query(`select 1 from hook_delivery where subscription_id = $1 and status = 'pending' limit 1`, [subscription]);
        if (pending.rowCount === 0) break;
      }
      const { rows } = await db.query<{ n: number; first_try: number; intake_s: number; post_p50: number; post_p99: number; queued_p50: number }>(
        `select count(*)::int as n,
                count(*) filter (where d.status = 'delivered' and d.tries = 1)::int as first_try,
                extract(epoch from max(e.received_at) - min(e.received_at))::float8 as intake_s,
                percentile_cont(0.5) within group (order by a.duration_ms)::float8 as post_p50,
                percentile_cont(0.99) within group (order by a.duration_ms)::float8 as post_p99,
                (percentile_cont(0.5) within group (order by extract(epoch from a.at - d.created_at)) * 1000)::float8 as queued_p50
           from hook_delivery d join hook_event e on e.event_id = d.event_id left join hook_attempt a on a.delivery_id = d.id
          where d.subscription_id = $1`,
        [subscription],
      );
      const r = rows[0]!;
      if (r.n !== count || r.first_try !== count) throw new Error(`${row}: the service recorded ${r.n} deliveries, ${r.first_try} delivered on the first try, of ${count}`);
      return { intakePerSec: count / r.intake_s, postP50: r.post_p50, postP99: r.post_p99, queuedP50: r.queued_p50 };
    };
    const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
    const rate = (arrivals: readonly Arrival[]) => (arrivals.length / (arrivals[arrivals.length - 1]!.at - arrivals[0]!.at)) * 1000;
    const posts = (m: Awaited<ReturnType<typeof recorded>>) => `POST p50 ${ms(m.postP50)}, p99 ${ms(m.postP99)} as the dispatcher times it`;

    /** A new subscription, then `events` published as fast as the broker takes them: arrivals timed first to last. */
    const live = async (row: string, place: (typeof places)[number], events: PublicEvent[]) => {
      const subscription = await subscribe(place);
      const started = performance.now();
      await send(events);
      const publishedMs = performance.now() - started;
      const arrivals = await arrived(row, subscription, events);
      const m = await recorded(row, subscription, events.length);
      return { eventsPerSec: rate(arrivals), publishedMs, totalMs: arrivals[arrivals.length - 1]!.at - started, ...m };
    };
    /** A new subscription replaying stored events from `from` (one statement queues them all): the dispatcher alone. */
    const replay = async (row: string, place: (typeof places)[number], from: number, events: PublicEvent[]) => {
      const subscription = await subscribe(place);
      const started = performance.now();
      const queued = await graphql<{ replayWebhookSubscription: number }>(`mutation ($s: ID!, $from: String!) { replayWebhookSubscription(subscriptionId: $s, from: $from) }`, {
        s: subscription,
        from: new Date(from).toISOString(),
      });
      const replayMs = performance.now() - started;
      if (queued.replayWebhookSubscription !== events.length) throw new Error(`${row}: the replay queued ${queued.replayWebhookSubscription} deliveries, ${events.length} expected`);
      const arrivals = await arrived(row, subscription, events);
      const m = await recorded(row, subscription, events.length);
      return { eventsPerSec: rate(arrivals), replayMs, totalMs: arrivals[arrivals.length - 1]!.at - started, ...m };
    };
    const rows: Row[] = [];
    const record = (row: Row) => {
      rows.push(row);
      const figure = row.eventsPerSec !== undefined ? `${row.eventsPerSec.toFixed(0)} deliveries/s` : `p50 ${row.p50Ms!.toFixed(1)} ms, p99 ${row.p99Ms!.toFixed(1)} ms`;
      log(`${row.name}: ${figure} (${row.note})`);
    };

    // Warm-up (JIT, pools, the receiver's keep-alive connections), checked like the rest.
    log('webhooks: warm-up, 256 events …');
    await live('warm-up', 'warm-up', streamEvents(communities['warm-up'], 32, 256));

    log(`webhooks: ${burstEvents} events over ${STREAMS} streams, published at once, receiver answering at once …`);
    const firstTime = Date.now() - 3_600_000;
    const burstEventsList = streamEvents(communities.burst, STREAMS, burstEvents, firstTime);
    const fast = await live('burst', 'burst', burstEventsList);
    record({
      name: `webhooks: delivery throughput, 1 subscription, ${STREAMS} streams`,
      eventsPerSec: fast.eventsPerSec,
      note: `${burstEvents} events published at once (${ms(fast.publishedMs)}), the last delivered ${(fast.totalMs / 1000).toFixed(1)} s after; concurrency ${concurrency}, receiver answers at once; intake ${fast.intakePerSec.toFixed(0)} events/s; ${posts(fast)}`,
    });

    log(`webhooks: the same ${burstEvents} events replayed to a new subscription (a backlog: the dispatcher alone) …`);
    const backlog = await replay('backlog', 'burst', firstTime, burstEventsList);
    record({
      name: `webhooks: delivery throughput, backlog of ${burstEvents} (replay), ${STREAMS} streams`,
      eventsPerSec: backlog.eventsPerSec,
      note: `the dispatcher alone: the row above's events queued at once by replayWebhookSubscription (${ms(backlog.replayMs)}); concurrency ${concurrency}, receiver answers at once; ${posts(backlog)}`,
    });

    const slowFrom = Math.max(0, burstEvents - slowEvents);
    log(`webhooks: the last ${burstEvents - slowFrom} of them replayed to a receiver taking ${SLOW_RECEIVER_MS} ms …`);
    receiver.delayMs = SLOW_RECEIVER_MS;
    const slow = await replay('slow receiver', 'burst', firstTime + slowFrom, burstEventsList.slice(slowFrom)).finally(() => {
      receiver.delayMs = 0;
    });
    record({
      name: `webhooks: delivery throughput, ${SLOW_RECEIVER_MS} ms receiver, backlog of ${burstEvents - slowFrom}, ${STREAMS} streams`,
      eventsPerSec: slow.eventsPerSec,
      note: `concurrency ${concurrency}: at most ${((concurrency * 1000) / SLOW_RECEIVER_MS).toFixed(0)}/s with this receiver, ${(1000 / SLOW_RECEIVER_MS).toFixed(0)}/s one at a time; replayed like the row above; ${posts(slow)}`,
    });

    log(`webhooks: ${serialEvents} events in one stream …`);
    const serial = await live('one stream', 'serial', streamEvents(communities.serial, 1, serialEvents));
    record({
      name: 'webhooks: one stream (in order)',
      eventsPerSec: serial.eventsPerSec,
      note: `in order: one request in flight per stream; ${serialEvents} events of one stream published at once, one delivery's full cycle ${ms(1000 / serial.eventsPerSec)}; intake ${serial.intakePerSec.toFixed(0)} events/s; ${posts(serial)}`,
    });

    const subscription = await subscribe('latency');
    const latencyStreams = 20;
    const timed = streamEvents(communities.latency, latencyStreams, latencyEvents);
    log(`webhooks: ${timed.length} events published one at a time at ${ratePerSecond}/s, each timed from the producer's ack to its arrival …`);
    const acked = new Map<string, number>();
    const sendLatencies: number[] = [];
    const started = performance.now();
    for (const [n, event] of timed.entries()) {
      const wait = started + (n * 1000) / ratePerSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const t0 = performance.now();
      await producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
      const at = performance.now();
      acked.set(event.id, at);
      sendLatencies.push(at - t0);
    }
    const offered = (timed.length / (performance.now() - started)) * 1000;
    const arrivals = await arrived('latency', subscription, timed);
    const latencies = arrivals.map((arrival) => arrival.at - acked.get(arrival.id)!).sort((a, b) => a - b);
    const latency = await recorded('latency', subscription, timed.length);
    sendLatencies.sort((a, b) => a - b);
    record({
      name: 'webhooks: event published → delivered',
      opsPerSec: offered,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      note: `producer ack (acks=all, send p50 ${ms(percentile(sendLatencies, 50))}) → arrival at the receiver; ${timed.length} events of ${latencyStreams} streams at ${ratePerSecond}/s, one at a time; max ${ms(latencies[latencies.length - 1]!)}; stored → POST p50 ${ms(latency.queuedP50)}, ${posts(latency)}`,
    });

    // Late duplicates (a second send of something already counted) would show now.
    await sleep(500);
    for (const check of checks) verify(`${check.row} (at the end)`, receiver.of(check.subscription), check.events);
    return rows;
  } finally {
    await service?.stop();
    await producer?.disconnect().catch(() => undefined);
    await receiver.stop();
    await db.end();
    await adminDb.query(`drop database if exists ${database} with (force)`);
    await adminDb.end();
    rmSync(dataDir, { recursive: true, force: true });
    // The service's topics (every public topic, its own events topic, their dead-letter topics) and consumer groups.
    const kafkaAdmin = kafka.admin();
    try {
      await kafkaAdmin.connect();
      const topics = (await kafkaAdmin.listTopics()).filter((name) => name.startsWith(`${prefix}.`));
      if (topics.length > 0) await kafkaAdmin.deleteTopics({ topics });
      const groups = (await kafkaAdmin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(`${prefix}.`));
      if (groups.length > 0) await kafkaAdmin.deleteGroups(groups);
    } catch (error) {
      log(`webhooks: could not remove the topics and groups of ${prefix}: ${String(error)}`);
    } finally {
      await kafkaAdmin.disconnect();
    }
  }
}
