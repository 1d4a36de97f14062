import { Logger } from '@nestjs/common';
import type { ICommand } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError } from '@cogov/domain';
import { InboxConsumer, contextTopicSpecs, deadLetterTopic, ensureTopics, eventsTopic, type CogovCloudEvent } from '@cogov/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { publicTopic } from '@cogov/contracts';
import type { Written } from '../command-executor.js';
import { publicTopicSpec } from '../public-events.js';
import type { ServiceConfig } from '../config.js';
import { systemActor } from '../request-context.js';
import type { Workflow, WorkflowCommandOutcome, WorkflowStep } from './workflow.js';

/** `cogov.<context>.<workflow>`, prefixed like the topics (tests and environments sharing a broker). */
export function workflowGroupId(context: string, workflow: string, prefix?: string): string {
  const group = `cogov.${context}.${workflow}`;
  return prefix ? `${prefix}.${group}` : group;
}

/** The topic a workflow reads of a source context: its events topic or its public topic. */
function topicOf(workflow: Workflow, source: string, prefix?: string): string {
  return workflow.reads === 'public' ? publicTopic(source, prefix) : eventsTopic(source, prefix);
}

export interface WorkflowRunnerOptions {
  context: string;
  config: Pick<ServiceConfig, 'kafkaBrokers' | 'topicPrefix' | 'kafkaReplicationFactor'> & Partial<Pick<ServiceConfig, 'kafkaSessionTimeoutMs'>>;
  pool: pg.Pool;
  /** The service's CommandBus (`execute`), looked up when the first event arrives. */
  execute: (command: ICommand) => Promise<unknown>;
  workflows: readonly Workflow[];
  /** Partitions of the source topics as their relays declare them (6 by default). */
  sourcePartitions?: number;
  maxAttempts?: number;
}

/**
 * Runs a service's workflows: one InboxConsumer each, on the events topics of the contexts it listens to.
 * The topics are created here with their relays' spec when missing (the source service may start later), so a
 * workflow never depends on start order.
 */
export class WorkflowRunner {
  private readonly logger: Logger;
  private readonly consumers = new Map<string, InboxConsumer>();
  private prepared = false;

  constructor(private readonly options: WorkflowRunnerOptions) {
    this.logger = new Logger(`${options.context}:workflows`);
  }

  /** The consumer of a workflow, once started (`appliedCount`, `duplicateCount`, `lag()` …). */
  consumerOf(name: string): InboxConsumer | undefined {
    return this.consumers.get(name);
  }

  get workflows(): readonly Workflow[] {
    return this.options.workflows;
  }

  /** The workflows' tables (idempotent DDL), once: before the service answers, whether its consumers run here or not. */
  async prepare(): Promise<void> {
    if (this.prepared) return;
    for (const workflow of this.options.workflows) for (const ddl of workflow.ddl) await this.options.pool.query(ddl);
    this.prepared = true;
  }

  async start(): Promise<void> {
    const { context, config, pool, workflows } = this.options;
    if (workflows.length === 0 || this.consumers.size > 0) return;
    await this.prepare();
    const sources = [...new Set(workflows.flatMap((workflow) => workflow.sources.map((source) => `${workflow.reads}:${source}`)))];
    const admin = new Kafka({ clientId: `cogov-${context}-admin`, brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        sources.flatMap((key) => {
          const [reads, source] = key.split(/:(.*)/s) as ['events' | 'public', string];
          const replicationFactor = config.kafkaReplicationFactor;
          if (reads === 'public') {
            const spec = publicTopicSpec(source, config.topicPrefix, replicationFactor);
            return [spec, { topic: deadLetterTopic(spec.topic), partitions: 1, retentionMs: 30 * 24 * 3_600_000, replicationFactor }];
          }
          const topic = eventsTopic(source, config.topicPrefix);
          const dlq = contextTopicSpecs(source, config.topicPrefix).find((spec) => spec.topic === deadLetterTopic(topic))!;
          return [
            { topic, partitions: this.options.sourcePartitions ?? 6, retentionMs: -1, replicationFactor },
            { ...dlq, replicationFactor },
          ];
        }),
      );
    } finally {
      await admin.disconnect();
    }
    for (const workflow of workflows) {
      const groupId = workflowGroupId(context, workflow.name, config.topicPrefix);
      const consumer = new InboxConsumer({
        pool,
        kafka: { brokers: config.kafkaBrokers, clientId: `cogov-${context}-${workflow.name}` },
        groupId,
        topics: workflow.sources.map((source) => topicOf(workflow, source, config.topicPrefix)),
        envelope: workflow.reads === 'public' ? 'public' : 'internal',
        handle: (event, client, delivery) => workflow.handle(this.step(workflow, event, client, delivery)),
        ...(workflow.eventTypes ? { eventTypes: workflow.eventTypes } : {}),
        deadLetterTopic,
        ...(config.kafkaSessionTimeoutMs ? { sessionTimeoutMs: config.kafkaSessionTimeoutMs } : {}),
        ...(this.options.maxAttempts ? { maxAttempts: this.options.maxAttempts } : {}),
        logger: { log: (m) => this.logger.log(`${workflow.name}: ${m}`), warn: (m) => this.logger.warn(`${workflow.name}: ${m}`), error: (m) => this.logger.error(`${workflow.name}: ${m}`) },
      });
      this.consumers.set(workflow.name, consumer);
      await consumer.start();
      this.logger.log(`workflow ${workflow.name} consuming ${workflow.sources.map((s) => topicOf(workflow, s, config.topicPrefix)).join(', ')} as ${groupId}`);
    }
  }

  async stop(): Promise<void> {
    const consumers = [...this.consumers.values()];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }

  private step(workflow: Workflow, event: CogovCloudEvent, client: pg.PoolClient, delivery: WorkflowStep['delivery']): WorkflowStep {
    const actor = systemActor(`workflow:${workflow.name}`);
    const at = Date.parse(event.time);
    return {
      event,
      delivery,
      client,
      run: async (command, { step = 'command', correlationId = event.correlationid } = {}): Promise<WorkflowCommandOutcome> => {
        const context = {
          actor,
          correlationId,
          causationId: event.id,
          // Dated by its cause: a replay decides exactly as the first run did (the store's recorded_at keeps the real time).
          occurredAt: Number.isNaN(at) || at === 0 ? new Date().toISOString() : new Date(at).toISOString(),
          idempotency: { key: `${workflow.name}:${event.id}:${step}`, at: Number.isNaN(at) ? 0 : at },
        };
        try {
          const written = (await this.options.execute(command(context))) as Written<unknown>;
          return { ok: true, written, replayed: written?.replayed === true };
        } catch (error) {
          if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
          // Anything else — a concurrent change that outlasted the executor's retries, PostgreSQL away — is
          // worth another delivery (then the dead-letter topic).
          throw error;
        }
      },
    };
  }
}
