import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AggregateStore, CommandHandlingService, EVENT_STORE_POOL, EventSourcingModule, PostgresEventStore, ProjectionRunner, type Projection } from '@cogov/eventsourcing';
import { EVENTS_CHANNEL } from '@cogov/eventsourcing';
import { OutboxRelay, ensureTopics, eventsTopic } from '@cogov/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { appealBoardProjection } from '../appeal/projections/appeal-board/appeal-board.projection.js';
import { communityDirectoryProjection } from '../community/projections/community-directory/community-directory.projection.js';
import { createDeadlinePolicy, type DeadlinePolicy } from '../appeal/appeal-deadlines.js';
import { EventSourcedCommandExecutor, type CommandExecutor } from './command-executor.js';
import type { ResidentsConfig } from './config.js';
import { Jurisdiction } from './jurisdiction.js';
import { PersonalDataPresenter } from './personal-data.presenter.js';
import { ReadModels } from './read-models.js';
import { ReadYourWrites } from './read-your-writes.js';

export const RESIDENTS_CONFIG = Symbol('ResidentsConfig');
export const COMMAND_EXECUTOR = Symbol('CommandExecutor');
export const DEADLINE_POLICY = Symbol('DeadlinePolicy');
export const PROJECTIONS: readonly Projection[] = [communityDirectoryProjection, appealBoardProjection];

/**
 * Keeps the read models live (one runner per projection, leader-elected across instances) and the outbox
 * relay publishing. Both are stopped before the pools close on shutdown, so no batch dies half-way.
 */
@Injectable()
export class BackgroundWork implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('residents');
  readonly runners: ProjectionRunner[];
  relay: OutboxRelay | undefined;

  constructor(
    @Inject(RESIDENTS_CONFIG) private readonly config: ResidentsConfig,
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {
    const rebuildLoggedAt = new Map<string, number>();
    this.runners = PROJECTIONS.map(
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

  async onApplicationBootstrap(): Promise<void> {
    // Views exist before the first query even if this instance is not the projections' leader.
    for (const runner of this.runners) await runner.prepare();
    await this.readYourWrites.start();
    for (const runner of this.runners) runner.start();
    if (this.config.relayEnabled) {
      const topic = eventsTopic('residents', this.config.topicPrefix);
      const kafka = new Kafka({ clientId: 'cogov-residents-admin', brokers: this.config.kafkaBrokers, logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, [{ topic, partitions: 6, retentionMs: -1, replicationFactor: this.config.kafkaReplicationFactor }]);
      } finally {
        await admin.disconnect();
      }
      this.relay = new OutboxRelay({
        pool: this.pool,
        eventLog: this.store,
        notifyChannel: EVENTS_CHANNEL,
        kafka: { brokers: this.config.kafkaBrokers, clientId: 'cogov-residents-relay' },
        source: '/cogov/residents',
        topicFor: () => topic,
        name: `residents-events${this.config.topicPrefix ? `:${this.config.topicPrefix}` : ''}`,
        logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
      });
      await this.relay.start();
    }
  }

  /** Catches every read model up to the log's horizon: tests and the demo loader wait on it. */
  async catchUp(): Promise<void> {
    for (const runner of this.runners) await runner.catchUp();
  }

  /** Events not yet in each read model, for /health. */
  async projectionLag(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ name: string; lag: string }>(
      `select c.name, (select count(*) from es_events e where (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)) as lag
       from es_checkpoints c join es_projections p on c.name = 'projection:' || p.name || ':v' || p.active_version`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.lag)]));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.readYourWrites.stop();
  }
}

@Injectable()
class ReadModelsCloser implements OnApplicationShutdown {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}
  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}

/** The residents service's wiring of the event store, vault, read models, projections and relay. */
@Global()
@Module({})
export class ResidentsInfrastructureModule {
  static forRoot(config: ResidentsConfig): DynamicModule {
    return {
      module: ResidentsInfrastructureModule,
      imports: [EventSourcingModule.forRoot({ connectionString: config.databaseUrl, masterKey: config.masterKey })],
      providers: [
        { provide: RESIDENTS_CONFIG, useValue: config },
        {
          provide: COMMAND_EXECUTOR,
          inject: [PostgresEventStore, CommandHandlingService],
          useFactory: (store: PostgresEventStore, service: CommandHandlingService): CommandExecutor =>
            new EventSourcedCommandExecutor(store, service),
        },
        { provide: Jurisdiction, inject: [AggregateStore], useFactory: (aggregates: AggregateStore) => new Jurisdiction(aggregates) },
        {
          provide: DEADLINE_POLICY,
          useFactory: (): DeadlinePolicy => createDeadlinePolicy(config.categoryTiers ? { categoryTiers: config.categoryTiers } : {}),
        },
        { provide: ReadModels, useFactory: () => ReadModels.connect(config.databaseUrl) },
        {
          provide: ReadYourWrites,
          inject: [EVENT_STORE_POOL],
          useFactory: (pool: pg.Pool) => new ReadYourWrites(pool, config.readYourWritesTimeoutMs),
        },
        ReadModelsCloser,
        PersonalDataPresenter,
        BackgroundWork,
      ],
      exports: [RESIDENTS_CONFIG, COMMAND_EXECUTOR, Jurisdiction, DEADLINE_POLICY, ReadModels, ReadYourWrites, PersonalDataPresenter, BackgroundWork],
    };
  }
}
