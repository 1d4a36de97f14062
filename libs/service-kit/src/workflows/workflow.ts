import type { ICommand } from '@nestjs/cqrs';
import type pg from 'pg';
import type { CogovCloudEvent, DeliveryContext } from '@cogov/messaging';
import type { CommandContext, Written } from '../command-executor.js';

/** What running one command of a workflow came to. */
export type WorkflowCommandOutcome =
  | { ok: true; written: Written<unknown>; replayed: boolean }
  /** The command was refused by the domain (NOT_FOUND, CONFLICT …): a business outcome, not a failure to retry. */
  | { ok: false; code: string; message: string };

/** One delivery of an event to a workflow. */
export interface WorkflowStep {
  event: CogovCloudEvent;
  delivery: DeliveryContext;
  /**
   * The inbox transaction: the workflow's own state (its tables) is written through it, so a redelivered
   * message — skipped by the inbox — changes nothing twice.
   */
  client: pg.PoolClient;
  /**
   * Runs a command of this service through its CommandBus, as the workflow's system actor, in the event's
   * causal chain (causation id = the event id; correlation id of the event unless `correlationId` names the
   * case's own, e.g. the appeal's). Idempotent: the command's event ids derive from the event id and `step`, so after a crash between the command and the inbox commit the
   * redelivery stores nothing new. Domain refusals come back as `{ ok: false }`; anything else throws, and
   * the message is retried, then dead-lettered.
   */
  run(command: (context: CommandContext) => ICommand, options?: { step?: string; correlationId?: string }): Promise<WorkflowCommandOutcome>;
}

/**
 * A process manager (design §3, docs/workflows.md): it consumes other contexts' events from Kafka through an
 * inbox (consumer group `cogov.<context>.<name>`), keeps its own state in its own tables, and acts through
 * this service's own commands. Subclasses are Nest providers listed in the kit's `workflows` option.
 */
export abstract class Workflow {
  /** Kebab-case name: the consumer group, the system actor (`system:workflow:<name>`), the inbox key. */
  abstract readonly name: string;
  /** The contexts whose topics it reads. */
  abstract readonly sources: readonly string[];
  /**
   * Which of their topics: the internal events topics (`cogov.<context>.events`, default), or the public ones
   * (`cogov.<context>.public.v1`, ADR 0009) — public events only, no personal data, no `actor` (`event.actor` is '').
   * A workflow that serves partners reads the public topics, so it cannot hand on what partners may not see.
   */
  readonly reads: 'events' | 'public' = 'events';
  /**
   * The CloudEvent types it acts on: the others are acknowledged without a transaction or an inbox row (a
   * workflow on the residents' topic cares for a few of its many types). Undefined: every type.
   */
  readonly eventTypes?: readonly string[];
  /** Idempotent DDL of its state tables, run on every start. */
  readonly ddl: readonly string[] = [];
  /** One event; events it does not care about are simply returned from. */
  abstract handle(step: WorkflowStep): Promise<void>;
}
