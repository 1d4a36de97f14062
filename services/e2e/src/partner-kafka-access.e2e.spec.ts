/**
 * Kafka access for partners (ADR 0009) on the real broker: `npm run partner:add` gives a partner a SCRAM user on
 * the PARTNER listener, allowed to read the public topics in its own consumer groups — and nothing else.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { publicTopic } from '@cogov/contracts';
import { eventsTopic } from '@cogov/messaging';
import { eventually, repoRoot, testKafka } from '@cogov/testing';

const kafka = testKafka('partner');
const name = `e2e${randomBytes(3).toString('hex')}`;
const password = randomBytes(16).toString('base64url');
const [host, port] = kafka.brokers[0]!.split(':') as [string, string];
const partnerBrokers = process.env.KAFKA_PARTNER_BROKERS?.split(',') ?? [`${host}:${Number(port) + 2}`];
const publicResidents = publicTopic('residents', kafka.prefix);
const internalResidents = eventsTopic('residents', kafka.prefix);

const reachable = (address: string) =>
  new Promise<boolean>((resolve) => {
    const [h, p] = address.split(':') as [string, string];
    const socket = createConnection({ host: h, port: Number(p) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const partner = (secret = password) =>
  new Kafka({
    clientId: 'partner-e2e',
    brokers: partnerBrokers,
    sasl: { mechanism: 'scram-sha-512', username: `partner-${name}`, password: secret },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });

async function errorOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return 'no error';
  } catch (error) {
    return `${(error as { type?: string }).type ?? ''} ${(error as Error).message}`;
  }
}

describe('partner access to Kafka', () => {
  let admin: Admin;
  let credentials: Record<string, string>;

  beforeAll(async () => {
    if (!(await reachable(partnerBrokers[0]!))) {
      throw new Error(`no partner listener on ${partnerBrokers[0]}: restart the broker so it gets one (bash infra/kafka/kafka.sh restart)`);
    }
    admin = new Kafka({ clientId: 'partner-e2e-admin', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [publicResidents, internalResidents].map((topic) => ({ topic, numPartitions: 1 })) });
    const producer = new Kafka({ clientId: 'partner-e2e-producer', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: publicResidents, messages: [{ key: 's-1', value: '{"type":"public"}' }] });
    await producer.send({ topic: internalResidents, messages: [{ key: 's-1', value: '{"type":"internal"}' }] });
    await producer.disconnect();
    const data = mkdtempSync(path.join(tmpdir(), 'cogov-partner-'));
    const out = execFileSync(process.execPath, [path.join(repoRoot(), 'infra/kafka/add-partner.mjs'), name, '--prefix', kafka.prefix, '--password', password], {
      env: { ...process.env, KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_PARTNER_BROKERS: partnerBrokers.join(','), COGOV_DATA: data },
      encoding: 'utf8',
    });
    expect(out).toContain(`partner ${name}: user partner-${name}`);
    credentials = Object.fromEntries(
      readFileSync(path.join(data, 'partners', `${name}.${kafka.prefix}.env`), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
  }, 90_000);

  afterAll(async () => {
    await admin
      ?.deleteAcls({ filters: [{ principal: `User:partner-${name}`, host: '*', resourceType: 1, resourcePatternType: 1, operation: 1, permissionType: 1 } as never] })
      .catch(() => undefined);
    await admin?.disconnect();
  });

  it('writes the partner’s credentials, readable by its owner only', () => {
    expect(credentials).toMatchObject({
      KAFKA_SASL_USERNAME: `partner-${name}`,
      KAFKA_SASL_PASSWORD: password,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_GROUP_PREFIX: `${kafka.prefix}.partner.${name}.`,
    });
    expect(credentials.KAFKA_TOPICS!.split(',')).toContain(publicResidents);
  });

  it('lets the partner read a public topic in its own consumer group', async () => {
    const consumer = partner().consumer({ groupId: `${credentials.KAFKA_GROUP_PREFIX}reader` });
    const seen: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: publicResidents, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
      await eventually(() => seen.length > 0, { what: 'the public message read by the partner', timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(['{"type":"public"}']);
  }, 60_000);

  it('refuses the partner an internal topic, another group, writing, and a wrong password', async () => {
    const client = partner().admin();
    await client.connect();
    try {
      expect(await errorOf(() => client.fetchTopicMetadata({ topics: [internalResidents] }))).toContain('TOPIC_AUTHORIZATION_FAILED');
      expect(await errorOf(() => client.fetchTopicMetadata({ topics: [publicResidents] }))).toBe('no error');
      expect(await errorOf(() => client.fetchOffsets({ groupId: `${credentials.KAFKA_GROUP_PREFIX}reader`, topics: [publicResidents] }))).toBe('no error');
    } finally {
      await client.disconnect();
    }
    // Another group: the broker refuses to name its coordinator (GROUP_AUTHORIZATION_FAILED, which kafkajs reports
    // as a coordinator it cannot find), where the partner's own group above was answered.
    const outsider = partner().admin();
    await outsider.connect();
    try {
      expect(await errorOf(() => outsider.fetchOffsets({ groupId: `${kafka.prefix}.someone-else`, topics: [publicResidents] }))).toMatch(
        /group coordinator|No brokers in the broker pool/,
      );
    } finally {
      await outsider.disconnect();
    }
    const producer = partner().producer();
    await producer.connect();
    try {
      expect(await errorOf(() => producer.send({ topic: publicResidents, messages: [{ value: 'forged' }] }))).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await producer.disconnect();
    }
    expect(await errorOf(() => partner('not-the-password').admin().connect())).toMatch(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
  }, 60_000);
});
