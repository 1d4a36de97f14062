/**
 * Helpers of this library's integration tests (not exported): real Kafka consumers that collect what is on
 * a topic, and event factories.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import type { EventMetadata } from '@cogov/eventsourcing';
import { eventually } from '@cogov/testing';
import type { MessagingLogger } from './logger.js';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Keeps errors for the failure message of a test, drops the rest. */
export function testLogger(): MessagingLogger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    log: () => undefined,
    warn: () => undefined,
    error: (message) => {
      errors.push(message);
      if (process.env.COGOV_TEST_VERBOSE) console.error(message);
    },
  };
}

function quietKafka(brokers: string[]): Kafka {
  return new Kafka({ brokers, clientId: 'cogov-test-reader', logLevel: logLevel.NOTHING, retry: { retries: 3 } });
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/** Reads `topic` from the beginning until at least `count` messages arrived (then stops reading). */
export async function collect(brokers: string[], topic: string, count: number, timeoutMs = 60_000): Promise<CollectedMessage[]> {
  const consumer = quietKafka(brokers).consumer({
    groupId: `cogov-test-reader-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 500,
  });
  const messages: CollectedMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: from, partition, message }) => {
        messages.push({
          topic: from,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headersToStrings(message.headers),
        });
      },
    });
    await eventually(() => messages.length >= count, { timeoutMs, what: `${count} messages on ${topic} (have ${messages.length})` });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

export function metadataFor(communityId: string, overrides: Partial<EventMetadata> = {}): EventMetadata {
  const eventId = randomUUID();
  return {
    eventId,
    actor: 'user:staff-1',
    communityId,
    correlationId: randomUUID(),
    causationId: eventId,
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * The first occurrence of each event id per key, in offset order: what a deduping consumer sees. The relay
 * may repeat a suffix after a failed send or a leader change, never reorder.
 */
export function streamVersionsByKey(messages: CollectedMessage[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  const ordered = [...messages].sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  for (const message of ordered) {
    const event = JSON.parse(message.value) as { id: string; streamversion: number };
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    byKey.set(message.key, [...(byKey.get(message.key) ?? []), event.streamversion]);
  }
  return byKey;
}
