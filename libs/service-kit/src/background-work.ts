import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { EVENT_STORE_POOL, EVENTS_CHANNEL, PostgresEventStore, ProjectionRunner } from '@cogov/eventsourcing';
import { OutboxRelay, ensureTopics, eventsTopic } from '@cogov/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { CommunityDirectory } from './community-directory.js';
import { ReadYourWrites } from './read-your-writes.js';
import { SERVICE_OPTIONS, type ServiceInfrastructureOptions } from './service-options.js';
import { publicEvents, publicTopicSpec } from './public-events.js';
import { WorkflowRunner } from './workflows/workflow-runner.js';

/**
 * Keeps the read models live (one runner per projection, leader-elected across instances) and the outbox
 * relay publishing. Both are stopped before the pools close on shutdown, so no batch dies half-way.
 */
@Injectable()
export class BackgroundWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  readonly runners: ProjectionRunner[];
  relay: OutboxRelay | undefined;

  constructor(
    @Inject(SERVICE_OPTIONS) private readonly options: ServiceInfrastructureOptions,
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    /** Present when the service opted into `communityDirectory`. */
    @Optional() @Inject(CommunityDirectory) readonly communityDirectory?: CommunityDirectory,
    /** Present when the service has workflows. */
    @Optional() @Inject(WorkflowRunner) readonly workflows?: WorkflowRunner,
  ) {
    this.logger = new Logger(options.context);
    const rebuildLoggedAt = new Map<string, number>();
    this.runners = options.projections.map(
      (projection) =>
        new ProjectionRunner(pool, store, projection, {
          pollIntervalMs: 500,
          onProgress: (p) => {
            // A version being rebuilt does not serve reads yet: mutations wait on the live one only.
            if (p.mode === 'live') this.readYourWrites.committed(p.projection, p.checkpoint);
            // Operator-requested rebuilds (docs/runbooks/rebuild-read-models.md): a line every 5 s, and the switch.
            if (p.mode === 'rebuilding' && Date.now() - (rebuildLoggedAt.get(p.projection) ?? 0) >= 5000) {
              rebuildLoggedAt.set(p.projection, Date.now());
              this.logger.log(
                `projection ${p.projection} v${p.version}: rebuilding generation ${p.generation}, ${p.processed} events replayed (position ${p.checkpoint.globalPosition}), ${p.eventsPerSecond} events/s`,
              );
            }
            if (p.switched) this.logger.log(`projection ${p.projection}: v${p.version} generation ${p.generation} switched in at position ${p.checkpoint.globalPosition}`);
          },
          onError: (error) => this.logger.error(`projection ${projection.name} failed; retrying`, { error: String(error) }),
        }),
    );
  }

  /** `<context>-events`: the relay's name (its lock and checkpoint) and its metrics label. */
  get relayName(): string {
    return `${this.options.context}-events`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Views exist before the first query even if this instance is not the projections' leader.
    for (const runner of this.runners) await runner.prepare();
    // So are the workflows' tables, which the service's own reads may query (the governance view's, the webhooks').
    await this.workflows?.prepare();
    await this.readYourWrites.start();
    for (const runner of this.runners) runner.start();
    const { context, config } = this.options;
    if (config.relayEnabled) {
      const topic = eventsTopic(context, config.topicPrefix);
      const internal = new Set(this.options.internalEventTypes ?? []);
      const kafka = new Kafka({ clientId: `cogov-${context}-admin`, brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, [
          { topic, partitions: this.options.topicPartitions ?? 6, retentionMs: -1, replicationFactor: config.kafkaReplicationFactor },
          publicTopicSpec(context, config.topicPrefix, config.kafkaReplicationFactor),
        ]);
      } finally {
        await admin.disconnect();
      }
      this.relay = new OutboxRelay({
        pool: this.pool,
        eventLog: this.store,
        notifyChannel: EVENTS_CHANNEL,
        kafka: { brokers: config.kafkaBrokers, clientId: `cogov-${context}-relay` },
        source: `/cogov/${context}`,
        topicFor: (event) => (internal.has(event.type) ? null : topic),
        alsoPublish: publicEvents(context, config.topicPrefix, (event, errors) =>
          this.logger.error(`public topic: ${event.type} v${event.schemaVersion} ${event.metadata.eventId} does not match its public contract, not published: ${errors.join('; ')}`),
        ),
        name: `${this.relayName}${config.topicPrefix ? `:${config.topicPrefix}` : ''}`,
        logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
      });
      await this.relay.start();
    }
    // Kafka consumers run only where the relay runs: a loader or CLI (relay off) must not join the service's
    // consumer groups, which would make the running service rebalance under it.
    if (config.relayEnabled) {
      // The residents' CommunityRegistered, for street-wide roles: table first, so lookups never miss it.
      await this.communityDirectory?.start();
      // Workflows act through this service's commands.
      await this.workflows?.start();
    } else {
      await this.communityDirectory?.prepare();
    }
  }

  /** Catches every read model up to the log's horizon: tests and loaders wait on it. */
  /**
   * Returns once every read model holds every event committed before the call. One pass of the runners is not
   * enough: they read only below the snapshot horizon, which an open transaction anywhere on the PostgreSQL
   * cluster holds back, so this repeats until the checkpoints have passed the log's head as it was.
   */
  async catchUp({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const { rows } = await this.pool.query<{ head: string | null }>('select max(global_position)::text as head from es_events');
    const head = rows[0]?.head;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const runner of this.runners) await runner.catchUp();
      if (head === null || head === undefined || (await this.behind(head)) === 0) return;
      if (Date.now() > deadline) throw new Error(`read models did not reach position ${head} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Events at or below `head` that some active read model has not processed yet. */
  private async behind(head: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `select count(*) as n from es_projections p
       join es_checkpoints c on c.name = 'projection:' || p.name || ':v' || p.active_version
       join es_events e on e.global_position <= $1::bigint and (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)`,
      [head],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Events not yet in each read model, for /health. */
  async projectionLag(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ name: string; lag: string }>(
      `select c.name, (select count(*) from es_events e where (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)) as lag
       from es_checkpoints c join es_projections p on c.name = 'projection:' || p.name || ':v' || p.active_version`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.lag)]));
  }

  /**
   * Before any module's `onApplicationShutdown`: the kit's module is global, so Nest would otherwise close the
   * event store's pool first and the consumers and runners would stop on a closed pool.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.workflows?.stop();
    await this.communityDirectory?.stop();
    await this.relay?.stop();
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.readYourWrites.stop();
  }
}
