/**
 * Webhooks for partners without Kafka (docs/webhooks.md), end to end on the real PostgreSQL and Kafka: residents and
 * organisations publish as in production, the webhooks service reads their public topics, an organisation's admin
 * subscribes through the gateway, and the example receiver (examples/ngo-subscriber, run as a partner would run it)
 * verifies the signatures and dedupes. Nothing personal reaches it; nothing is lost when the receiver is down and
 * the webhooks service is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, freePort, repoRoot } from '@cogov/testing';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { startSuite, type Suite } from './suite.js';
import { ok } from './workflow-test-kit.js';

const FILED = 'cn.cogov.public.residents.appeal-filed.v1';
const ACCEPTED = 'cn.cogov.public.residents.appeal-accepted.v1';
const PERSONAL = ['张秀英', '13912345678', '3 号楼 2 单元 401'];

interface Receiver {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** The example receiver as a partner runs it: `node examples/ngo-subscriber/src/receiver.ts`, no build, no install. */
async function startReceiver(port: number, secret: string, dataDir: string): Promise<Receiver> {
  let log = '';
  const child = spawn(process.execPath, [path.join(repoRoot(), 'examples/ngo-subscriber/src/receiver.ts')], {
    env: { PATH: process.env.PATH, PORT: String(port), WEBHOOK_SECRET: secret, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  await eventually(() => log.includes(`listening on http://127.0.0.1:${port}/webhooks`) || (child.exitCode !== null && Promise.reject(new Error(log))), {
    what: 'the example receiver to listen',
    timeoutMs: 10_000,
  });
  return {
    child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('webhooks end to end', () => {
  let suite: Suite;
  let gateway: GatewayProcess;
  let receiver: Receiver | undefined;
  let communityId: string;
  let staff: string;
  let admin: string;
  let subscriptionId: string;
  let secret: string;
  let port: number;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-ngo-subscriber-'));
  const received = (): { id: string; type: string; subject: string; streamversion: number; data: Record<string, unknown> }[] => {
    const file = path.join(dataDir, 'events.ndjson');
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  };

  beforeAll(async () => {
    suite = await startSuite('webhooks', ['residents', 'organisations', 'webhooks'], {
      WEBHOOK_ALLOW_INSECURE_TARGETS: 'true',
      WEBHOOK_BACKOFF_BASE_MS: '200',
      WEBHOOK_BACKOFF_MAX_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '50',
    });
    gateway = await startGatewayProcess(suite, ['residents', 'organisations', 'webhooks'], { JWT_JWKS_PATH: suite.jwksPath });
    const streetAdmin = await suite.token({ roles: ['street_admin'], streetIds: ['street-hooks'] });
    communityId = (
      await ok<{ registerCommunity: { id: string } }>(suite.service('residents'), streetAdmin, `mutation { registerCommunity(input: { name: "幸福里社区", streetId: "street-hooks", streetName: "朝阳街道" }) { id } }`)
    ).registerCommunity.id;
    staff = await suite.token({ roles: ['community_staff'], communityIds: [communityId] });
    const organisationId = (
      await ok<{ registerOrganisation: { id: string } }>(
        suite.service('organisations'),
        staff,
        `mutation ($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { id } }`,
        { i: { communityId, name: '阳光社工服务中心', type: 'social_organisation', incubationStage: 'incubating', address: '幸福路 1 号' } },
      )
    ).registerOrganisation.id;
    admin = await suite.token({ roles: ['organisation_admin'], organisationIds: [organisationId], subject: 'ngo-admin' });
    port = await freePort();
    // Through the gateway, as the partner's admin would; retried while the registrations travel to the webhooks service.
    const created = await eventually(
      async () => {
        const answer = await gateway.graphql<{ createWebhookSubscription: { secret: string; subscription: { id: string } } }>(
          admin,
          `mutation ($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id } } }`,
          { i: { organisationId, url: `http://127.0.0.1:${port}/webhooks`, eventTypes: [FILED, ACCEPTED], communityIds: [communityId] } },
        );
        if (answer.errors?.some((error) => error.extensions?.code !== 'NOT_FOUND' && error.extensions?.code !== 'BAD_USER_INPUT')) throw new Error(JSON.stringify(answer.errors));
        return answer.data?.createWebhookSubscription;
      },
      { what: 'the subscription to be accepted', timeoutMs: 30_000, intervalMs: 250 },
    );
    subscriptionId = created.subscription.id;
    secret = created.secret;
    receiver = await startReceiver(port, secret, dataDir);
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await gateway?.stop();
    await suite?.close();
  });

  async function fileAppeal(): Promise<string> {
    const filed = await ok<{ fileAppeal: { id: string } }>(suite.service('residents'), staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, {
      i: { communityId, channel: 'hotline', category: 'property.repair', description: `${PERSONAL[0]}（${PERSONAL[1]}）家中漏水`, location: `幸福里 ${PERSONAL[2]}` },
    });
    return filed.fileAppeal.id;
  }

  it('delivers the public events of an appeal, verified by the receiver, in order and without personal data', async () => {
    const appealId = await fileAppeal();
    await ok(suite.service('residents'), staff, `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id } }`, { a: appealId });
    const events = await eventually(() => received().filter((e) => e.subject.endsWith(appealId)).length === 2 && received(), { what: 'two events at the receiver', timeoutMs: 30_000 });
    expect(events.map((e) => [e.type, e.streamversion])).toEqual([
      [FILED, 1],
      [ACCEPTED, 2],
    ]);
    expect(events[0]!.data['appealId']).toBe(appealId);
    const file = readFileSync(path.join(dataDir, 'events.ndjson'), 'utf8');
    for (const text of PERSONAL) expect(file).not.toContain(text);
    expect(file).not.toContain('"actor"');
    expect(receiver!.output()).toMatch(new RegExp(`accepted ${FILED.replaceAll('.', '\\.')} `));
  });

  it('loses nothing while the receiver is down and the webhooks service is killed, and the receiver dedupes a replay', async () => {
    await receiver!.stop();
    const appealId = await fileAppeal();
    const failing = await eventually(
      async () => {
        const log = await ok<{ webhookDeliveries: { deliveries: { eventType: string; status: string; lastError: string | null; attempts: number }[] } }>(
          suite.service('webhooks'),
          admin,
          `query ($s: ID!) { webhookDeliveries(subscriptionId: $s, status: PENDING) { deliveries { eventType status lastError attempts } } }`,
          { s: subscriptionId },
        );
        return log.webhookDeliveries.deliveries.find((d) => d.attempts > 0);
      },
      { what: 'a failed attempt', timeoutMs: 30_000 },
    );
    expect(failing.lastError).toMatch(/ECONNREFUSED/);
    await suite.service('webhooks').kill();
    await suite.service('webhooks').start();
    receiver = await startReceiver(port, secret, dataDir);
    await eventually(() => received().some((e) => e.subject.endsWith(appealId)), { what: 'the event after the restarts', timeoutMs: 30_000 });

    const before = received();
    const replay = await ok<{ replayWebhookSubscription: number }>(suite.service('webhooks'), admin, `mutation ($s: ID!, $f: String!) { replayWebhookSubscription(subscriptionId: $s, from: $f) }`, {
      s: subscriptionId,
      f: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(replay.replayWebhookSubscription).toBe(before.length);
    await eventually(() => (receiver!.output().match(/duplicate /g) ?? []).length >= before.length, { what: 'the replay to reach the receiver', timeoutMs: 30_000 });
    expect(received().map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(new Set(before.map((e) => e.id)).size).toBe(before.length);
  });
});
