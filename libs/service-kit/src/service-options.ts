import type { Provider, Type } from '@nestjs/common';
import type pg from 'pg';
import type { AggregateStore, Projection } from '@cogov/eventsourcing';
import type { ServiceConfig } from './config.js';
import type { StreetLookup } from './jurisdiction.js';
import type { ReadModelEntities } from './read-models.js';
import type { Workflow } from './workflows/workflow.js';

/** How a service is assembled from the kit: its name, its settings, and its read side. */
export interface ServiceInfrastructureOptions<C extends ServiceConfig = ServiceConfig> {
  /**
   * The bounded context, e.g. `residents`: topic `cogov.<context>.events`, CloudEvents source
   * `/cogov/<context>`, relay name `<context>-events`, NOTIFY channel `<context>_read_models`, logger name.
   */
  context: string;
  config: C;
  /** Every projection of the service: one runner each (leader-elected), lag in /health and /metrics. */
  projections: readonly Projection[];
  /** MikroORM entities over the projection views; without them no `ReadModels` is provided. */
  readModelEntities?: ReadModelEntities;
  /**
   * Where a community lies, for street-wide roles, from the service's own store (`aggregates`) or tables (`pool`,
   * the service's database). Default: unknown (street roles then match only where the
   * caller passes `streetId`, as when a community is registered).
   */
  streetLookup?: (deps: { aggregates: AggregateStore; pool: pg.Pool }) => StreetLookup;
  /**
   * Learn communities' streets from the residents' `CommunityRegistered` on Kafka (`CommunityDirectory`: table
   * `known_communities`, consumer group `cogov.<context>.community-directory`) and use that as the street
   * lookup when `streetLookup` is not given. Off by default.
   */
  communityDirectory?: boolean;
  /**
   * The service's workflows (process managers over other contexts' events, docs/workflows.md): Nest providers,
   * each run by an InboxConsumer of its own, started with the relay (not where `relayEnabled` is false, as in
   * demo loaders and CLIs).
   */
  workflows?: readonly Type<Workflow>[];
  /**
   * Event types stored but never published (the relay passes over them): facts internal to the context with no
   * public contract, e.g. the organisations' credit-code reservations.
   */
  internalEventTypes?: readonly string[];
  /** Partitions of the events topic (6 by default). */
  topicPartitions?: number;
  /** The service's own global providers (a policy built from its config…), exported like the kit's. */
  providers?: Provider[];
}

export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const SERVICE_OPTIONS = Symbol('ServiceInfrastructureOptions');
export const COMMAND_EXECUTOR = Symbol('CommandExecutor');
