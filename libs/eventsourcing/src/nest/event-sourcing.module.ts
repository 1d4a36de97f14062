import { Inject, Injectable, Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import pg from 'pg';
import { AggregateStore, CommandHandlingService, SnapshotStore } from '../command-handling.js';
import { PostgresEventStore } from '../event-store.js';
import { PersonalDataVault, parseMasterKey } from '../personal-data.js';
import { ensureEventStoreSchema } from '../schema.js';
import type { UpcasterRegistry } from '../upcasters.js';

export interface EventSourcingModuleOptions {
  /** A pool owned by the caller, or a connection string for a pool this module owns (and closes on shutdown). */
  pool?: pg.Pool;
  connectionString?: string;
  /** Personal-data master key: 32 bytes, or their base64 from config. */
  masterKey: Buffer | string;
  upcasters?: UpcasterRegistry;
  /** Create the `es_` tables at start-up (default true). */
  ensureSchema?: boolean;
  keyCacheTtlMs?: number;
}

export interface EventSourcingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => EventSourcingModuleOptions | Promise<EventSourcingModuleOptions>;
}

/** The pg pool the event store uses; inject it to share transactions or to build projection runners. */
export const EVENT_STORE_POOL = Symbol('EVENT_STORE_POOL');
const OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

@Injectable()
class OwnedPoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(OPTIONS) private readonly options: EventSourcingModuleOptions,
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.options.pool) await this.pool.end();
  }
}

const providers: Provider[] = [
  {
    provide: EVENT_STORE_POOL,
    inject: [OPTIONS],
    useFactory: async (options: EventSourcingModuleOptions) => {
      if (!options.pool && !options.connectionString) throw new Error('EventSourcingModule needs a pool or a connectionString');
      const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
      if (options.ensureSchema ?? true) await ensureEventStoreSchema(pool);
      return pool;
    },
  },
  {
    provide: PostgresEventStore,
    inject: [EVENT_STORE_POOL, OPTIONS],
    useFactory: (pool: pg.Pool, options: EventSourcingModuleOptions) =>
      new PostgresEventStore(pool, options.upcasters ? { upcasters: options.upcasters } : {}),
  },
  { provide: SnapshotStore, inject: [EVENT_STORE_POOL], useFactory: (pool: pg.Pool) => new SnapshotStore(pool) },
  {
    provide: AggregateStore,
    inject: [PostgresEventStore, SnapshotStore],
    useFactory: (store: PostgresEventStore, snapshots: SnapshotStore) => new AggregateStore(store, snapshots),
  },
  {
    provide: CommandHandlingService,
    inject: [PostgresEventStore, AggregateStore],
    useFactory: (store: PostgresEventStore, aggregates: AggregateStore) => new CommandHandlingService(store, aggregates),
  },
  {
    provide: PersonalDataVault,
    inject: [EVENT_STORE_POOL, OPTIONS],
    useFactory: (pool: pg.Pool, options: EventSourcingModuleOptions) =>
      new PersonalDataVault(pool, {
        masterKey: typeof options.masterKey === 'string' ? parseMasterKey(options.masterKey) : options.masterKey,
        ...(options.keyCacheTtlMs !== undefined ? { keyCacheTtlMs: options.keyCacheTtlMs } : {}),
      }),
  },
  OwnedPoolCloser,
];

const exported = [EVENT_STORE_POOL, PostgresEventStore, SnapshotStore, AggregateStore, CommandHandlingService, PersonalDataVault];

/**
 * The NestJS shell around the framework-free core: one event store, command service and vault per service.
 * Global, so command handlers anywhere inject `CommandHandlingService` and `PersonalDataVault` directly.
 */
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return { module: EventSourcingModule, global: true, providers: [{ provide: OPTIONS, useValue: options }, ...providers], exports: exported };
  }

  /** For options that come from config: `useFactory: (config: AppConfig) => ({ connectionString, masterKey })`. */
  static forRootAsync(options: EventSourcingModuleAsyncOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }, ...providers],
      exports: exported,
    };
  }
}
