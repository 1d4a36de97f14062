import type { Admin, ConfigResourceTypes, ITopicMetadata } from 'kafkajs';

/**
 * Topic names (docs/adr/0002-kafka-topic-layout.md). `prefix` isolates tests and environments sharing a
 * broker: `t.relay.ab12cd.cogov.residents.events`.
 */
export function eventsTopic(context: string, prefix?: string): string {
  return withPrefix(`cogov.${context}.events`, prefix);
}

/** The dead-letter topic of an events topic: `cogov.<context>.events.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

function withPrefix(name: string, prefix?: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** `retention.ms`; -1 keeps messages forever. */
  retentionMs: number;
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
  /** Broker default (-1) unless given; a single-node development broker only allows 1. */
  replicationFactor?: number;
}

const DAY_MS = 24 * 3_600_000;

/**
 * The topics of one context with the defaults of ADR 0002: the events topic (6 partitions, so a consumer
 * group spreads over up to 6 instances; 7 days, since the event store keeps the history) and its
 * dead-letter topic (1 partition, 30 days to investigate and replay).
 */
export function contextTopicSpecs(context: string, prefix?: string): TopicSpec[] {
  const events = eventsTopic(context, prefix);
  return [
    { topic: events, partitions: 6, retentionMs: 7 * DAY_MS },
    { topic: deadLetterTopic(events), partitions: 1, retentionMs: 30 * DAY_MS },
  ];
}

export class TopicMismatchError extends Error {
  override readonly name = 'TopicMismatchError';
}

/**
 * Creates the missing topics and checks the existing ones; safe to run from every instance on every start.
 *
 * An existing topic with another partition count is an error, never "fixed": adding partitions moves keys
 * to other partitions and so breaks per-stream order for events already published. Retention and cleanup
 * policy are brought in line with the spec, since the code is their single source of truth.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[]): Promise<void> {
  for (const spec of specs) {
    if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
      throw new RangeError(`topic ${spec.topic}: partitions must be a positive integer`);
    }
  }
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length > 0) {
    // Another instance may create the same topics at the same moment: kafkajs then returns false
    // (TOPIC_ALREADY_EXISTS), and the checks below validate whatever it created.
    // Not kafkajs's `waitForLeaders`: right after a creation a KRaft broker may answer the metadata request with
    // UNKNOWN_TOPIC_OR_PARTITION, which kafkajs's wait does not retry; `topicMetadataWithLeaders` does.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor ?? -1,
        configEntries: configEntries(spec),
      })),
    });
  }
  const topics = await topicMetadataWithLeaders(admin, specs.map((spec) => spec.topic));
  for (const spec of specs) {
    const metadata = topics.find((topic) => topic.name === spec.topic);
    if (!metadata) throw new TopicMismatchError(`topic ${spec.topic} was not created`);
    if (metadata.partitions.length !== spec.partitions) {
      throw new TopicMismatchError(
        `topic ${spec.topic} has ${metadata.partitions.length} partitions, the code declares ${spec.partitions}; ` +
          'changing it would reorder streams — migrate to a new topic instead',
      );
    }
  }
  await alignConfigs(admin, specs.filter((spec) => existing.has(spec.topic)));
}

const METADATA_PENDING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * The topics' metadata once every partition has a leader: a topic just created (here or by another service
 * starting at the same moment) takes a few hundred milliseconds to appear everywhere.
 */
async function topicMetadataWithLeaders(admin: Admin, names: string[], timeoutMs = 30_000): Promise<ITopicMetadata[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const ready = names.every((name) => topics.find((topic) => topic.name === name)?.partitions.every((p) => p.leader >= 0));
      if (ready || Date.now() > deadline) return topics;
    } catch (error) {
      if (!METADATA_PENDING.has((error as { type?: string }).type ?? '') || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// kafkajs's ConfigResourceTypes.TOPIC. Only its type is imported: Node's ESM loader cannot see that enum
// among kafkajs's CommonJS exports, so importing the value fails at run time outside Jest.
const TOPIC_RESOURCE = 2 as ConfigResourceTypes.TOPIC;

function configEntries(spec: TopicSpec): Array<{ name: string; value: string }> {
  return [
    { name: 'retention.ms', value: String(spec.retentionMs) },
    { name: 'cleanup.policy', value: spec.cleanupPolicy ?? 'delete' },
  ];
}

async function alignConfigs(admin: Admin, specs: TopicSpec[]): Promise<void> {
  if (specs.length === 0) return;
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: specs.map((spec) => ({
      type: TOPIC_RESOURCE,
      name: spec.topic,
      configNames: ['retention.ms', 'cleanup.policy'],
    })),
  });
  const drifted = specs.filter((spec) => {
    const resource = described.resources.find((r) => r.resourceName === spec.topic);
    return configEntries(spec).some(
      (wanted) => resource?.configEntries.find((entry) => entry.configName === wanted.name)?.configValue !== wanted.value,
    );
  });
  if (drifted.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: drifted.map((spec) => ({ type: TOPIC_RESOURCE, name: spec.topic, configEntries: configEntries(spec) })),
  });
}
