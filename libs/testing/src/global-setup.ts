import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kafka, logLevel, type Admin } from 'kafkajs';

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

/**
 * Test topics are named `t.r<pid>.<hint>.<random>.…`, `<pid>` being the process that owns the test run
 * (Jest's main process, or `npm run supergraph`). Without cleaning, every run leaves its topics on the
 * broker, and a broker holding thousands of partitions takes minutes to start. So:
 * - the global teardown deletes the topics and consumer groups of its own run;
 * - the global setup deletes those of runs whose process is gone (crashed, killed, or older naming),
 *   leaving alone those of a run still going on beside it.
 */
export const TEST_RUN_ENV = 'COGOV_TEST_RUN';
const TEST_PREFIX = /^t\.r(\d+)\./;

/** The run id of this process: the owning run's, inherited by Jest workers and service processes. */
export function testRunId(): string {
  return process.env[TEST_RUN_ENV] ?? `r${process.pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `name` (a topic or consumer group) is to be deleted: it starts with `prefix` when one is given
 * (a run's `t.<run>.` or a test file's whole prefix), else it belongs to a test run that is over.
 */
export function isTestName(name: string, prefix?: string): boolean {
  if (!name.startsWith('t.')) return false;
  if (prefix !== undefined) return name.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`);
  const match = TEST_PREFIX.exec(name);
  return match === null || !processAlive(Number(match[1]));
}

export interface TestTopicCleanup {
  topics: number;
  groups: number;
}

/**
 * Deletes test topics and consumer groups: those under `prefix` when given (`t.<run>` for a whole run), else
 * those of finished runs. Never touches a name outside the `t.` namespace.
 */
export async function deleteTestTopics(admin: Admin, prefix?: string): Promise<TestTopicCleanup> {
  const topics = (await admin.listTopics()).filter((topic) => isTestName(topic, prefix));
  for (let i = 0; i < topics.length; i += 200) {
    await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 60_000 });
  }
  const { groups: listed } = await admin.listGroups();
  const groups = listed.map((group) => group.groupId).filter((group) => isTestName(group, prefix));
  for (let i = 0; i < groups.length; i += 200) {
    // A group with members still connected cannot be deleted; it expires with its offsets later.
    await admin.deleteGroups(groups.slice(i, i + 200)).catch(() => undefined);
  }
  return { topics: topics.length, groups: groups.length };
}

async function withAdmin<T>(brokers: string, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'cogov-test-topics', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
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
  // This run's id, inherited by the workers: its topics are deleted by the global teardown.
  const run = testRunId();
  process.env[TEST_RUN_ENV] = run;
  // Read by global-teardown.ts (Jest keeps the globals of the global setup for the teardown).
  (globalThis as { cogovTestTeardown?: () => Promise<string> }).cogovTestTeardown = async () => {
    const started = Date.now();
    const own = await withAdmin(brokers, (admin) => deleteTestTopics(admin, `t.${run}`));
    return `Deleted this run's ${own.topics} test topics and ${own.groups} consumer groups (${Date.now() - started} ms)`;
  };
  const cleaned = await withAdmin(brokers, (admin) => deleteTestTopics(admin));
  if (cleaned.topics > 0) {
    process.stdout.write(`\nDeleted ${cleaned.topics} topics and ${cleaned.groups} consumer groups left by earlier test runs\n`);
  }
  // The cross-service tests (services/e2e) run the built services as processes: build once per run (< 1 s),
  // so `npm run jest -- services/e2e` never runs a stale dist/.
  execFileSync(process.execPath, [path.resolve('infra/build.mjs')], { stdio: 'ignore' });
  process.stdout.write(
    `\nTest infrastructure: PostgreSQL ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Kafka ${brokers} ` +
      `(${Date.now() - started} ms)\n`,
  );
}
