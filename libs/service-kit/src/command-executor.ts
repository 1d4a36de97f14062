import {
  StreamVersionConflict,
  type CommandHandlingService,
  type Decider,
  type DomainEvent,
  type GlobalCheckpoint,
  type RecordedEvent,
} from '@cogov/eventsourcing';
import type { CommandMetadata } from '@cogov/domain';
import { ConcurrentChangeError } from './errors.js';
import type { CommandActor } from './request-context.js';

/** Who asks, and in which causal chain: the shell fills it from the request (or the scheduler / loader). */
export interface CommandContext {
  actor: CommandActor;
  correlationId: string;
  causationId: string;
  /** UTC instant the command is decided at; the demo loader back-dates it, everything else uses now. */
  occurredAt: string;
  /**
   * Set by workflows: the command's event ids derive from `key` (at the instant `at`, epoch ms), so running it
   * again — a redelivered message — stores nothing new and answers the state as it is (`replayed`).
   */
  idempotency?: { key: string; at: number };
}

export interface ExecuteCommand<C, E extends DomainEvent, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  /** Builds the domain command; `metadata` carries the instant and the actor id decide may use. */
  command: (metadata: CommandMetadata) => C;
  context: CommandContext;
  /**
   * Runs on the loaded state before decide: the jurisdiction check, since the community of an existing
   * aggregate is only known once its stream is read.
   */
  authorize: (state: S) => Promise<void>;
  /**
   * Turns stored events into what the decider folds, for deciders whose state needs decrypted fields
   * (the resident's vulnerable-group tags). Prepared on every load of the stream.
   */
  reveal?: (events: RecordedEvent[]) => Promise<(event: RecordedEvent) => E>;
  /**
   * The jurisdiction the decided events belong to (their metadata's `communityId`), read from the first one.
   * Default: the event's `data.communityId`; a street-level fact answers its street id.
   */
  communityIdOf?: (event: E) => string;
}

/** What a command handler answers: the aggregate's new state, and where the command left the log. */
export interface Written<S> {
  /** The aggregate's state after the command (unchanged when decide had nothing to say). */
  state: S;
  /**
   * Global checkpoint of the stream's last event after the command: of the events it appended, or, for a
   * quiet command, of the events that already made the fact true. A read model at or past it shows the
   * command's effect (read-your-writes). Null only when the stream is still empty.
   */
  checkpoint: GlobalCheckpoint | null;
  /** True when an idempotent command (`context.idempotency`) had already run: nothing was stored now. */
  replayed?: boolean;
}

export interface CommandExecutor {
  execute<C, E extends DomainEvent, S>(request: ExecuteCommand<C, E, S>): Promise<Written<S>>;
}

export function eventCommunityId(event: DomainEvent): string {
  const communityId = (event.data as { communityId?: unknown }).communityId;
  if (typeof communityId !== 'string') throw new Error(`event ${event.type} carries no communityId`);
  return communityId;
}

/**
 * Load → authorize → decide → append with the expected version, on @cogov/eventsourcing's
 * CommandHandlingService (which retries decide on a concurrent change, loading — and revealing and
 * authorizing — again each time; the stream is read once per attempt).
 *
 * Two adaptations: the service takes the event metadata before it loads the stream, but the community an
 * event belongs to is only known from the decided events (`communityIdOf`, by default `data.communityId`),
 * so `communityId` is a getter read when the service spreads the metadata after decide. And the state
 * answered is folded from the decided events themselves, because a revealed event (a decrypted tag) is
 * richer than its stored form.
 */
export class EventSourcedCommandExecutor implements CommandExecutor {
  constructor(
    private readonly service: CommandHandlingService,
    private readonly maxAttempts = 3,
  ) {}

  async execute<C, E extends DomainEvent, S>(request: ExecuteCommand<C, E, S>): Promise<Written<S>> {
    const { streamId, decider, context, authorize, communityIdOf = eventCommunityId } = request;
    let communityId = '';
    let decidedOn = decider.initialState();
    let decided: E[] = [];
    const recorded: Decider<C, E, S> = {
      initialState: decider.initialState,
      evolve: decider.evolve,
      decide: (command, state) => {
        decided = decider.decide(command, state);
        decidedOn = state;
        if (decided[0]) communityId = communityIdOf(decided[0]);
        return decided;
      },
    };
    let handled;
    try {
      handled = await this.service.handle({
        streamId,
        decider: recorded,
        command: request.command({ now: context.occurredAt, actor: context.actor.subject }),
        metadata: {
          actor: context.actor.subject,
          correlationId: context.correlationId,
          causationId: context.causationId,
          occurredAt: context.occurredAt,
          get communityId() {
            return communityId;
          },
        },
        maxAttempts: this.maxAttempts,
        beforeDecide: authorize,
        ...(request.reveal ? { reveal: request.reveal } : {}),
        ...(context.idempotency ? { idempotency: context.idempotency } : {}),
      });
    } catch (error) {
      if (error instanceof StreamVersionConflict) throw new ConcurrentChangeError(streamId);
      throw error;
    }
    const last = handled.lastEvent;
    return {
      state: handled.replayed ? handled.state : decided.reduce(decider.evolve, decidedOn),
      ...(handled.replayed ? { replayed: true } : {}),
      checkpoint: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : null,
    };
  }
}
