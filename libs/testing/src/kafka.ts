import { randomBytes } from 'node:crypto';
import { testKafkaBrokers } from './environment.js';

export interface TestKafka {
  brokers: string[];
  /** A unique prefix for the topics and consumer groups of one test file. */
  prefix: string;
}

export function testKafka(hint = 'test'): TestKafka {
  return {
    brokers: testKafkaBrokers(),
    prefix: `t.${hint.replace(/[^a-z0-9]/gi, '-').toLowerCase()}.${randomBytes(3).toString('hex')}`,
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
