import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { AggregateStore, CommandHandlingService, EVENT_STORE_POOL, EventSourcingModule } from '@cogov/eventsourcing';
import { BackgroundWork } from './background-work.js';
import { CommunityDirectory } from './community-directory.js';
import { EventSourcedCommandExecutor, type CommandExecutor } from './command-executor.js';
import type { ServiceConfig } from './config.js';
import { Jurisdiction } from './jurisdiction.js';
import { PersonalDataPresenter } from './personal-data.presenter.js';
import { ReadModels } from './read-models.js';
import { ReadYourWrites } from './read-your-writes.js';
import { WorkflowRunner } from './workflows/workflow-runner.js';
import type { Workflow } from './workflows/workflow.js';
import { COMMAND_EXECUTOR, SERVICE_CONFIG, SERVICE_OPTIONS, type ServiceInfrastructureOptions } from './service-options.js';

@Injectable()
class ReadModelsCloser implements OnApplicationShutdown {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}
  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}

/**
 * A service's wiring of the event store, vault, command executor, jurisdiction, read models, projections and
 * outbox relay (global: every feature module of the service injects from it). No HTTP: a loader or a CLI can
 * boot it alone; `ServiceApiModule` adds GraphQL, auth, /health and /metrics.
 */
@Global()
@Module({})
export class ServiceInfrastructureModule {
  static forRoot<C extends ServiceConfig>(options: ServiceInfrastructureOptions<C>): DynamicModule {
    const { config } = options;
    const own = options.providers ?? [];
    const readModels: Provider[] = options.readModelEntities?.length
      ? [{ provide: ReadModels, useFactory: () => ReadModels.connect(config.databaseUrl, options.readModelEntities!) }, ReadModelsCloser]
      : [];
    const directory: Provider[] = options.communityDirectory
      ? [
          {
            provide: CommunityDirectory,
            inject: [EVENT_STORE_POOL],
            useFactory: (pool: pg.Pool) => new CommunityDirectory({ context: options.context, config, pool }),
          },
        ]
      : [];
    const workflowTypes = options.workflows ?? [];
    const workflows: Provider[] = workflowTypes.length
      ? [
          ...workflowTypes,
          {
            provide: WorkflowRunner,
            inject: [EVENT_STORE_POOL, ModuleRef, ...workflowTypes],
            useFactory: (pool: pg.Pool, moduleRef: ModuleRef, ...instances: Workflow[]) =>
              new WorkflowRunner({
                context: options.context,
                config,
                pool,
                // The service's CqrsModule is imported by its feature module, after this one: looked up on use.
                execute: (command) => moduleRef.get(CommandBus, { strict: false }).execute(command),
                workflows: instances,
              }),
          },
        ]
      : [];
    return {
      module: ServiceInfrastructureModule,
      imports: [EventSourcingModule.forRoot({ connectionString: config.databaseUrl, masterKey: config.masterKey })],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: COMMAND_EXECUTOR,
          inject: [CommandHandlingService],
          useFactory: (service: CommandHandlingService): CommandExecutor => new EventSourcedCommandExecutor(service),
        },
        {
          provide: Jurisdiction,
          inject: [AggregateStore, EVENT_STORE_POOL, { token: CommunityDirectory, optional: true }],
          useFactory: (aggregates: AggregateStore, pool: pg.Pool, communities?: CommunityDirectory) =>
            new Jurisdiction(
              options.streetLookup ? options.streetLookup({ aggregates, pool }) : communities ? communities.streetOf : async () => undefined,
            ),
        },
        {
          provide: ReadYourWrites,
          inject: [EVENT_STORE_POOL],
          useFactory: (pool: pg.Pool) => new ReadYourWrites(pool, config.readYourWritesTimeoutMs, options.context),
        },
        ...readModels,
        ...directory,
        ...workflows,
        PersonalDataPresenter,
        BackgroundWork,
        ...own,
      ],
      exports: [
        SERVICE_OPTIONS,
        SERVICE_CONFIG,
        COMMAND_EXECUTOR,
        Jurisdiction,
        ReadYourWrites,
        ...(readModels.length > 0 ? [ReadModels] : []),
        ...(directory.length > 0 ? [CommunityDirectory] : []),
        ...(workflows.length > 0 ? [WorkflowRunner] : []),
        PersonalDataPresenter,
        BackgroundWork,
        ...own.map((provider) => ('provide' in provider ? provider.provide : provider)),
      ],
    };
  }
}
