import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';

// Jest loads its global setup outside the module mapper, so this file imports packages only;
// environment.ts re-exports the probes for tests.
/**
 * Where the real PostgreSQL and Kafka for tests come from, in this order:
 * 1. `DATABASE_URL` / `KAFKA_BROKERS` when set;
 * 2. testcontainers when a Docker engine answers;
 * 3. the machine's PostgreSQL on 127.0.0.1:5432 and the broker of `infra/kafka/kafka.sh`
 *    (started here when it is not running).
 * If none can be had, the run fails with a message that says what to start. Tests never skip.
 */
export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';

export async function postgresAnswers(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function kafkaAnswers(brokers: string[], timeoutMs = 5000): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'cogov-test-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 1 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function dockerEngineAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 3000);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (nx.json) from ' + process.cwd());
    dir = parent;
  }
  return dir;
}

/** Starts the local broker with the infra script (idempotent: a running broker is reused). */
export function startLocalBroker(env: NodeJS.ProcessEnv = {}): void {
  const script = path.join(repoRoot(), 'infra/kafka/kafka.sh');
  execFileSync('bash', [script, 'start'], { stdio: 'inherit', env: { ...process.env, ...env } });
}

export function stopLocalBroker(env: NodeJS.ProcessEnv = {}): void {
  const script = path.join(repoRoot(), 'infra/kafka/kafka.sh');
  execFileSync('bash', [script, 'stop'], { stdio: 'inherit', env: { ...process.env, ...env } });
}

/** Jest global setup of the integration project: find or start the real PostgreSQL and Kafka. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let databaseUrl = process.env.DATABASE_URL;
  let brokers = process.env.KAFKA_BROKERS;

  if ((!databaseUrl || !brokers) && !process.env.COGOV_NO_TESTCONTAINERS && (await dockerEngineAnswers())) {
    const { GenericContainer, Wait } = await import('testcontainers');
    if (!databaseUrl) {
      const pgContainer = await new GenericContainer('postgres:15')
        .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start();
      databaseUrl = `postgres://postgres@${pgContainer.getHost()}:${pgContainer.getMappedPort(5432)}/postgres`;
    }
    if (!brokers) {
      const kafkaContainer = await new GenericContainer('apache/kafka:4.1.0')
        .withExposedPorts({ container: 9092, host: 9092 })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093',
          KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:9092',
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start();
      brokers = `${kafkaContainer.getHost()}:9092`;
    }
  }

  databaseUrl ??= LOCAL_DATABASE_URL;
  if (!(await postgresAnswers(databaseUrl))) {
    throw new Error(
      `PostgreSQL does not answer at ${databaseUrl}. Start it ` +
        '(`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or set DATABASE_URL.',
    );
  }

  if (!brokers) {
    brokers = LOCAL_KAFKA_BROKERS;
    if (!(await kafkaAnswers([brokers], 3000))) {
      process.stdout.write('\nNo Kafka broker on 127.0.0.1:9092: starting one with infra/kafka/kafka.sh …\n');
      startLocalBroker();
    }
  }
  if (!(await kafkaAnswers(brokers.split(',')))) {
    throw new Error(
      `Kafka does not answer at ${brokers}. Start it with \`npm run kafka:start\` or set KAFKA_BROKERS.`,
    );
  }

  process.env.COGOV_TEST_DATABASE_URL = databaseUrl;
  process.env.COGOV_TEST_KAFKA_BROKERS = brokers;
  process.stdout.write(
    `\nTest infrastructure: PostgreSQL ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Kafka ${brokers} ` +
      `(${Date.now() - started} ms)\n`,
  );
}
