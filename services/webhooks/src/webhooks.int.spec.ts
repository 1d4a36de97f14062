import { randomUUID } from 'node:crypto';
import { eventually, startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from './app.module.js';
import { sign } from './delivery/signature.js';
import { loadConfig, type WebhooksConfig } from './infrastructure/config.js';
import { PublicTopics, appealEvent as appealEventOf, publicEvent } from '../test/public-events.js';
import { RecordingReceiver } from '../test/recording-receiver.js';

const COMMUNITY = randomUUID();
const OTHER_COMMUNITY = randomUUID();
const ORGANISATION = randomUUID();
const OTHER_ORGANISATION = randomUUID();
const FILED = 'cn.cogov.public.residents.appeal-filed.v1';
const ACCEPTED = 'cn.cogov.public.residents.appeal-accepted.v1';

const community = (communityId: string, name: string) =>
  publicEvent({ context: 'residents', eventType: 'CommunityRegistered', stream: `community-${communityId}`, version: 1, communityId, data: { communityId, name, streetId: 'street-hooks', streetName: '测试街道' } });
const organisation = (organisationId: string, name: string) =>
  publicEvent({
    context: 'organisations',
    eventType: 'OrganisationRegistered',
    stream: `organisation-${organisationId}`,
    version: 1,
    communityId: COMMUNITY,
    data: { organisationId, communityId: COMMUNITY, name, type: 'social_organisation', creditCode: null, incubationStage: 'incubating', address: '幸福路 1 号', registeredAt: new Date().toISOString() },
  });
const appealEvent = (appealId: string, version: number, communityId = COMMUNITY, time?: string) => appealEventOf(appealId, version, communityId, time);

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id status eventTypes } } }`;
const LOG = `query ($s: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(subscriptionId: $s, status: $status, first: $first, after: $after) {
    hasNextPage endCursor
    deliveries { id eventId eventType streamId streamVersion status attempts lastStatusCode lastError history { try at statusCode error durationMs } } } }`;

interface Delivery {
  id: string;
  eventId: string;
  streamVersion: number;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  history: { try: number; at: string; statusCode: number | null; error: string | null }[];
}

/**
 * The webhooks service against the real PostgreSQL and Kafka: public events put on the public topics as the relays
 * publish them, delivered to a receiver over HTTP on this machine.
 */
describe('webhooks', () => {
  let t: ServiceTestApp<WebhooksConfig>;
  let topics: PublicTopics;
  let admin: string;
  const receiver = new RecordingReceiver();

  beforeAll(async () => {
    t = await startServiceApp({
      hint: 'webhooks',
      loadConfig,
      module: (config) => AppModule.forRoot(config),
      env: { WEBHOOK_ALLOW_INSECURE_TARGETS: 'true', WEBHOOK_BACKOFF_BASE_MS: '100', WEBHOOK_BACKOFF_MAX_MS: '800', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '2000' },
    });
    topics = await PublicTopics.connect(t.config.kafkaBrokers, t.config.topicPrefix);
    await receiver.start();
    admin = await t.token({ roles: ['organisation_admin'], organisationIds: [ORGANISATION], subject: 'ngo-admin' });
    await topics.publish(community(COMMUNITY, '幸福里社区'), community(OTHER_COMMUNITY, '和平里社区'), organisation(ORGANISATION, '阳光社工'), organisation(OTHER_ORGANISATION, '邻里互助会'));
    await eventually(async () => (await t.db.pool.query('select 1 from hook_organisation')).rowCount === 2, { what: 'the organisations to arrive' });
  }, 60_000);

  afterAll(async () => {
    await topics?.disconnect();
    await receiver.stop();
    await t?.close();
  });

  async function subscribe(url = receiver.url, eventTypes = [FILED, ACCEPTED], communityIds = [COMMUNITY]): Promise<{ id: string; secret: string }> {
    const { data, errors } = await t.graphql<{ createWebhookSubscription: { secret: string; subscription: { id: string } } }>(admin, CREATE, {
      input: { organisationId: ORGANISATION, url, eventTypes, communityIds, description: 'case board' },
    });
    expect(errors).toBeUndefined();
    return { id: data!.createWebhookSubscription.subscription.id, secret: data!.createWebhookSubscription.secret };
  }

  async function deliveries(subscription: string, status?: string): Promise<Delivery[]> {
    const { data, errors } = await t.graphql<{ webhookDeliveries: { deliveries: Delivery[] } }>(admin, LOG, { s: subscription, first: 500, ...(status ? { status } : {}) });
    expect(errors).toBeUndefined();
    return data!.webhookDeliveries.deliveries;
  }

  const forSubscription = (id: string) => receiver.requests.filter((request) => request.headers['cogov-subscription-id'] === id);

  it('refuses what an organisation admin may not do, and names the field of bad input', async () => {
    const input = { organisationId: ORGANISATION, url: receiver.url, eventTypes: [FILED], communityIds: [COMMUNITY] };
    const errorOf = async (token: string, value: Record<string, unknown>) => (await t.graphql(token, CREATE, { input: { ...input, ...value } })).errors?.[0];
    expect(await errorOf(admin, { url: 'ftp://ngo.example.org/in' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.url' } });
    expect(await errorOf(admin, { eventTypes: [FILED, 'cn.cogov.residents.appeal-filed.v1'] })).toMatchObject({
      message: 'cn.cogov.residents.appeal-filed.v1 is not a public event type (see webhookEventTypes or docs/events.md)',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.eventTypes[1]' },
    });
    expect(await errorOf(admin, { communityIds: [COMMUNITY, randomUUID()] })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.communityIds[1]' } });
    expect(await errorOf(admin, { eventTypes: [] })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.eventTypes' } });
    const forbidden = await errorOf(admin, { organisationId: OTHER_ORGANISATION });
    expect(forbidden).toMatchObject({ message: `you do not administer organisation ${OTHER_ORGANISATION}`, extensions: { code: 'FORBIDDEN' } });
    expect(forbidden?.extensions?.stacktrace).toBeUndefined();
    const staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
    expect(await errorOf(staff, {})).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const unknownAdmin = await t.token({ roles: ['organisation_admin'], organisationIds: ['org-not-registered'] });
    expect(await errorOf(unknownAdmin, { organisationId: 'org-not-registered' })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const types = await t.graphql<{ webhookEventTypes: string[] }>(admin, '{ webhookEventTypes }');
    expect(types.data!.webhookEventTypes).toContain(FILED);
    expect(types.data!.webhookEventTypes.every((type) => type.startsWith('cn.cogov.public.'))).toBe(true);
  });

  it('delivers the matching events signed, once each, in order within each stream', async () => {
    const { id, secret } = await subscribe();
    const appeals = [randomUUID(), randomUUID(), randomUUID()];
    const events = appeals.flatMap((appeal) => [1, 2, 3].map((version) => appealEvent(appeal, version)));
    const elsewhere = appealEvent(randomUUID(), 1, OTHER_COMMUNITY);
    const otherType = publicEvent({ context: 'residents', eventType: 'AppealResolved', stream: `appeal-${appeals[0]}`, version: 4, communityId: COMMUNITY, data: {} });
    // Interleaved streams, as the partitions deliver them.
    await topics.publish(...[0, 1, 2].flatMap((v) => appeals.map((_, a) => events[a * 3 + v]!)), elsewhere, otherType);
    // Each stream's third event is an AppealAccepted at version 3 in this test: every event is of a subscribed type.
    const received = await eventually(() => forSubscription(id).length >= 9 && forSubscription(id), { what: '9 deliveries' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forSubscription(id)).toHaveLength(9);
    for (const request of received) {
      const [webhookId, timestamp, signature] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => String(request.headers[name])) as [string, string, string];
      expect(webhookId).toBe(request.event.id);
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(10);
      expect(signature).toBe(sign(secret, webhookId, Number(timestamp), request.body));
      expect(request.headers['content-type']).toBe('application/cloudevents+json');
      expect(request.event).not.toHaveProperty('actor');
      expect(request.event.communityid).toBe(COMMUNITY);
    }
    for (const appeal of appeals) {
      expect(received.filter((r) => r.event.subject === `appeal-${appeal}`).map((r) => r.event.streamversion)).toEqual([1, 2, 3]);
    }
    expect(new Set(received.map((r) => r.event.id))).toEqual(new Set(events.map((e) => e.id)));
    const log = await deliveries(id);
    expect(log).toHaveLength(9);
    expect(log.every((d) => d.status === 'DELIVERED' && d.attempts === 1 && d.history.length === 1 && d.history[0]!.statusCode === 200)).toBe(true);
  });

  it('retries with a growing backoff, holds the failing stream back while others go on, and dead-letters', async () => {
    const { id } = await subscribe();
    const [failing, other] = [randomUUID(), randomUUID()];
    const poisoned = appealEvent(failing, 1);
    receiver.answer = (request) => (request.event.id === poisoned.id ? 503 : 200);
    try {
      await topics.publish(poisoned, appealEvent(failing, 2), appealEvent(other, 1), appealEvent(other, 2));
      // The other stream goes through while the poisoned event is retried.
      await eventually(() => forSubscription(id).filter((r) => r.event.subject === `appeal-${other}` && r.answered === 200).length === 2, { what: 'the healthy stream' });
      const dead = await eventually(async () => (await deliveries(id, 'DEAD'))[0], { what: 'the dead letter', timeoutMs: 20_000 });
      expect(dead).toMatchObject({ eventId: poisoned.id, attempts: 3, lastStatusCode: 503 });
      expect(dead.history.map((h) => h.statusCode)).toEqual([503, 503, 503]);
      const gaps = dead.history.slice(1).map((h, i) => Date.parse(h.at) - Date.parse(dead.history[i]!.at));
      // 100 ms then 200 ms, each less at most a fifth, plus the time to notice.
      expect(gaps[0]).toBeGreaterThanOrEqual(80);
      expect(gaps[1]).toBeGreaterThanOrEqual(160);
      // Version 2 of the failing stream waited for version 1 to be settled: it went out only after the dead letter.
      const second = await eventually(() => forSubscription(id).find((r) => r.event.subject === `appeal-${failing}` && r.event.streamversion === 2), { what: 'the held-back event' });
      const lastTry = Math.max(...forSubscription(id).filter((r) => r.event.id === poisoned.id).map((r) => r.at));
      expect(second.at).toBeGreaterThanOrEqual(lastTry);
    } finally {
      receiver.answer = () => 200;
    }
    // Re-delivered by the admin once the receiver is fixed.
    const dead = (await deliveries(id, 'DEAD'))[0]!;
    const again = await t.graphql<{ redeliverWebhookDelivery: { status: string } }>(admin, `mutation ($d: ID!) { redeliverWebhookDelivery(id: $d) { status } }`, { d: dead.id });
    expect(again.errors).toBeUndefined();
    const delivered = await eventually(async () => (await deliveries(id)).find((d) => d.id === dead.id && d.status === 'DELIVERED'), { what: 'the redelivery' });
    expect(delivered.history.map((h) => h.statusCode)).toEqual([503, 503, 503, 200]);
    expect(await deliveries(id, 'DEAD')).toEqual([]);
    // The attempts are counted on /metrics for alerting: the dead letter among them.
    const metrics = (await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' })).body;
    const count = (outcome: string) => Number(new RegExp(`^cogov_webhook_attempts_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
    // The earlier test's subscription matches the poisoned event too: it has a dead letter of its own.
    expect(count('dead')).toBe((await t.db.pool.query(`select 1 from hook_attempt a join hook_delivery d on d.id = a.delivery_id where a.status_code = 503 and a.try = 3`)).rowCount);
    expect(count('dead') + count('failed') + count('delivered')).toBe((await t.db.pool.query('select 1 from hook_attempt')).rowCount);
    expect(metrics).toMatch(/^cogov_webhook_deliveries_pending\{[^}]*\} \d+$/m);
  });

  it('replays the stored events from a point in time, and sends events that came before the subscription', async () => {
    const appeal = randomUUID();
    const early = appealEvent(appeal, 1, COMMUNITY, '2026-10-01T02:00:00.000Z');
    const later = appealEvent(appeal, 2, COMMUNITY, '2026-10-02T02:00:00.000Z');
    await topics.publish(early, later);
    await eventually(async () => (await t.db.pool.query('select 1 from hook_event where event_id = $1', [later.id])).rowCount === 1, { what: 'the events stored' });
    const { id } = await subscribe();
    // 2026-10-02 is a date in Asia/Shanghai: from 2026-10-01T16:00Z on.
    const replay = await t.graphql<{ replayWebhookSubscription: number }>(admin, `mutation ($s: ID!) { replayWebhookSubscription(subscriptionId: $s, from: "2026-10-02") }`, { s: id });
    expect(replay.errors).toBeUndefined();
    // Every stored event of the subscribed types and community from then on: this one and those of the tests before.
    const expected = await t.db.pool.query(`select event_id from hook_event where occurred_at >= '2026-10-01T16:00:00Z' and type = any ($1) and community_id = $2`, [[FILED, ACCEPTED], COMMUNITY]);
    expect(replay.data!.replayWebhookSubscription).toBe(expected.rowCount);
    await eventually(() => forSubscription(id).some((r) => r.event.id === later.id), { what: 'the replayed event' });
    expect(forSubscription(id).some((r) => r.event.id === early.id)).toBe(false);
    const bad = await t.graphql(admin, `mutation ($s: ID!) { replayWebhookSubscription(subscriptionId: $s, from: "yesterday") }`, { s: id });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'from' } });
  });

  it('queues while paused and sends in order once resumed; a rotated secret signs beside the old one', async () => {
    const { id, secret } = await subscribe();
    await t.graphql(admin, `mutation ($s: ID!) { pauseWebhookSubscription(id: $s) { status } }`, { s: id });
    const appeal = randomUUID();
    await topics.publish(appealEvent(appeal, 1), appealEvent(appeal, 2));
    await eventually(async () => (await deliveries(id)).length === 2, { what: 'the queued deliveries' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(forSubscription(id)).toHaveLength(0);
    const rotated = await t.graphql<{ rotateWebhookSecret: { secret: string } }>(admin, `mutation ($s: ID!) { rotateWebhookSecret(id: $s) { secret } }`, { s: id });
    const newSecret = rotated.data!.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(secret);
    const resumed = await t.graphql<{ resumeWebhookSubscription: { status: string } }>(admin, `mutation ($s: ID!) { resumeWebhookSubscription(id: $s) { status } }`, { s: id });
    expect(resumed.data!.resumeWebhookSubscription.status).toBe('ACTIVE');
    const received = await eventually(() => forSubscription(id).length === 2 && forSubscription(id), { what: 'the resumed deliveries' });
    expect(received.map((r) => r.event.streamversion)).toEqual([1, 2]);
    const [webhookId, timestamp, signatures] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => String(received[0]!.headers[name])) as [string, string, string];
    expect(signatures.split(' ')).toEqual([sign(newSecret, webhookId, Number(timestamp), received[0]!.body), sign(secret, webhookId, Number(timestamp), received[0]!.body)]);
  });

  it('pages the delivery log, and keeps it after the subscription is deleted', async () => {
    const { id } = await subscribe();
    await t.graphql(admin, `mutation ($s: ID!) { replayWebhookSubscription(subscriptionId: $s, from: "2026-01-01") }`, { s: id });
    await eventually(async () => (await deliveries(id, 'PENDING')).length === 0 && (await deliveries(id)).length > 4, { what: 'the replay delivered' });
    const all = await deliveries(id);
    const first = await t.graphql<{ webhookDeliveries: { hasNextPage: boolean; endCursor: string; deliveries: Delivery[] } }>(admin, LOG, { s: id, first: 3 });
    const next = await t.graphql<{ webhookDeliveries: { deliveries: Delivery[] } }>(admin, LOG, { s: id, first: 3, after: first.data!.webhookDeliveries.endCursor });
    expect(first.data!.webhookDeliveries.hasNextPage).toBe(true);
    expect([...first.data!.webhookDeliveries.deliveries, ...next.data!.webhookDeliveries.deliveries].map((d) => d.id)).toEqual(all.slice(0, 6).map((d) => d.id));
    const deleted = await t.graphql<{ deleteWebhookSubscription: { status: string } }>(admin, `mutation ($s: ID!) { deleteWebhookSubscription(id: $s) { status } }`, { s: id });
    expect(deleted.data!.deleteWebhookSubscription.status).toBe('DELETED');
    expect(await deliveries(id)).toHaveLength(all.length);
    const list = await t.graphql<{ webhookSubscriptions: { id: string }[] }>(admin, `query ($o: ID!) { webhookSubscriptions(organisationId: $o) { id } }`, { o: ORGANISATION });
    expect(list.data!.webhookSubscriptions.map((s) => s.id)).not.toContain(id);
    const other = await t.token({ roles: ['organisation_admin'], organisationIds: [OTHER_ORGANISATION] });
    expect((await t.graphql(other, LOG, { s: id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
