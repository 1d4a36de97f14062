import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './environment.js';
import { deleteTestTopics, testRunId } from './global-setup.js';

export interface TestKafka {
  brokers: string[];
  /**
   * A unique prefix for the topics and consumer groups of one test file, `t.<run>.<hint>.<random>`; the run's
   * topics are deleted when it ends (test-topics.ts).
   */
  prefix: string;
}

export function testKafka(hint = 'test'): TestKafka {
  return {
    brokers: testKafkaBrokers(),
    prefix: `t.${testRunId()}.${hint.replace(/[^a-z0-9]/gi, '-').toLowerCase()}.${randomBytes(3).toString('hex')}`,
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastError ? `: ${String(lastError)}` : ''));
}

/** Deletes the topics and consumer groups under a test prefix (for runs outside Jest, such as `npm run supergraph`). */
export async function deleteTestKafkaPrefix(prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'cogov-test-cleanup', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await deleteTestTopics(admin, prefix);
  } finally {
    await admin.disconnect();
  }
}
