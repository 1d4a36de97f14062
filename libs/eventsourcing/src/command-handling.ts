import type pg from 'pg';
import { StreamVersionConflict } from './errors.js';
import type { PostgresEventStore } from './event-store.js';
import type { Decider, DomainEvent, EventMetadata, RecordedEvent } from './types.js';
import { uuidv7, uuidv7FromName } from './uuid.js';

/**
 * How a stream's state is snapshotted. `name` identifies the state's shape: change it whenever evolve or the
 * state type changes, and old snapshots are ignored (they are only a cache of the fold).
 */
export interface SnapshotOptions<State> {
  name: string;
  /** Take a snapshot each time the stream crosses a multiple of `every` events. */
  every: number;
  /** For states that do not survive JSON (Dates, Maps …); the default is JSON as is. */
  serialize?: (state: State) => unknown;
  deserialize?: (json: unknown) => State;
}

export interface LoadedState<State> {
  state: State;
  /** Version of the last event folded in: the expected version of the next append. */
  version: number;
  /** Stream version of the snapshot used, 0 when the state was folded from the first event. */
  snapshotVersion: number;
  /** The stream's last event as read; undefined when the stream is empty or a snapshot covered all of it. */
  lastEvent?: RecordedEvent;
}

/** Turns the stored events of one load into what evolve folds (e.g. with decrypted fields the state needs). */
export type Reveal<E extends DomainEvent> = (tail: RecordedEvent[]) => Promise<(event: RecordedEvent) => E>;

/** Snapshots in `es_snapshots`: a cache of evolve over a stream prefix. */
export class SnapshotStore {
  constructor(private readonly pool: pg.Pool) {}

  async load<State>(streamId: string, options: SnapshotOptions<State>): Promise<{ state: State; version: number } | undefined> {
    const { rows } = await this.pool.query<{ stream_version: number; state: unknown }>({
      name: 'es_snapshot_load',
      text: 'select stream_version::int as stream_version, state from es_snapshots where stream_id = $1 and snapshot_name = $2',
      values: [streamId, options.name],
    });
    const row = rows[0];
    if (!row) return undefined;
    return { version: row.stream_version, state: options.deserialize ? options.deserialize(row.state) : (row.state as State) };
  }

  /** Stores the snapshot unless a newer one is already there (writers may race; the newest wins). */
  async save<State>(streamId: string, version: number, state: State, options: SnapshotOptions<State>): Promise<void> {
    const json = options.serialize ? options.serialize(state) : state;
    await this.pool.query({
      name: 'es_snapshot_save',
      text: `insert into es_snapshots (stream_id, snapshot_name, stream_version, state) values ($1, $2, $3, $4)
             on conflict (stream_id, snapshot_name) do update
               set stream_version = excluded.stream_version, state = excluded.state, taken_at = now()
               where es_snapshots.stream_version < excluded.stream_version`,
      values: [streamId, options.name, version, JSON.stringify(json)],
    });
  }
}

/** Loads a decider's state: the latest snapshot (if any) and the events after it, folded with evolve. */
export class AggregateStore {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly snapshots: SnapshotStore,
  ) {}

  async load<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    snapshot?: SnapshotOptions<S>,
    reveal?: Reveal<E>,
  ): Promise<LoadedState<S>> {
    const snap = snapshot ? await this.snapshots.load(streamId, snapshot) : undefined;
    const tail = await this.store.readStream(streamId, { fromVersion: (snap?.version ?? 0) + 1 });
    const asDomain = reveal ? await reveal(tail) : (event: RecordedEvent) => event as unknown as E;
    let state = snap ? snap.state : decider.initialState();
    for (const event of tail) state = decider.evolve(state, asDomain(event));
    const lastEvent = tail.at(-1);
    return { state, version: lastEvent?.streamVersion ?? snap?.version ?? 0, snapshotVersion: snap?.version ?? 0, lastEvent };
  }

  async saveSnapshot<S>(streamId: string, version: number, state: S, snapshot: SnapshotOptions<S>): Promise<void> {
    await this.snapshots.save(streamId, version, state, snapshot);
  }
}

export interface HandleCommand<C, E extends DomainEvent, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  /** Metadata of every event decided; each event gets its own UUIDv7 id. */
  metadata: Omit<EventMetadata, 'eventId'>;
  snapshot?: SnapshotOptions<S>;
  /** Attempts on StreamVersionConflict before it is rethrown (default 3). */
  maxAttempts?: number;
  /** Prepared on every load (so a retry reveals the events another writer added too). */
  reveal?: Reveal<E>;
  /**
   * Runs on every loaded state before decide, e.g. an authorization that needs the aggregate (its community is
   * known only once its stream is read). Throwing aborts the command; it is not retried.
   */
  beforeDecide?: (state: S) => Promise<void>;
  /**
   * Makes the command idempotent: its events get ids derived from `key` (`uuidv7FromName`, at the instant
   * `at`, e.g. the triggering event's time) instead of random ones. When events with those ids are already
   * stored, the command has run before (a redelivered message, a re-run after a crash): nothing is decided
   * again and the stored events are answered with `replayed: true`. A decider that would now refuse the
   * command (it already happened) is thus never asked.
   */
  idempotency?: { key: string; at: number };
}

export interface HandledCommand<E extends DomainEvent, S> {
  /** The events stored by this command (empty when decide emitted nothing). */
  events: RecordedEvent<E>[];
  state: S;
  nextStreamVersion: number;
  /** The stream's last event: the last one appended, or for a quiet command the last one loaded (if read). */
  lastEvent?: RecordedEvent;
  /** True when an idempotent command had already run: `events` are the ones it stored then. */
  replayed?: boolean;
}

export interface CommandHandlingOptions {
  /** Told when a snapshot could not be stored; the command itself has succeeded by then. */
  onSnapshotError?: (error: unknown, streamId: string) => void;
}

/**
 * The shell around a decider (design §3): load → decide → append with the exact expected version.
 * A conflict means another command changed the stream between load and append, so the command is decided
 * again against the new state; domain errors thrown by decide are never retried.
 */
export class CommandHandlingService {
  private readonly onSnapshotError: (error: unknown, streamId: string) => void;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly aggregates: AggregateStore,
    options: CommandHandlingOptions = {},
  ) {
    this.onSnapshotError =
      options.onSnapshotError ?? ((error, streamId) => console.warn(`snapshot of ${streamId} not stored`, error));
  }

  async handle<C, E extends DomainEvent, S>(request: HandleCommand<C, E, S>): Promise<HandledCommand<E, S>> {
    const { streamId, decider, command, metadata, snapshot, maxAttempts = 3, reveal, beforeDecide, idempotency } = request;
    const eventId = idempotency ? (i: number) => uuidv7FromName(`${idempotency.key}#${i}`, idempotency.at) : () => uuidv7();
    if (idempotency) {
      const stored = await this.store.readEventsById([eventId(0)]);
      if (stored.length > 0) {
        const loaded = await this.aggregates.load(streamId, decider, snapshot, reveal);
        const events = (await this.store.readStream(stored[0]!.streamId, { fromVersion: stored[0]!.streamVersion })).filter(
          (event) => event.metadata.eventId === eventId(event.streamVersion - stored[0]!.streamVersion),
        ) as RecordedEvent<E>[];
        return { events, state: loaded.state, nextStreamVersion: loaded.version, lastEvent: events.at(-1) as RecordedEvent | undefined, replayed: true };
      }
    }
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.aggregates.load(streamId, decider, snapshot, reveal);
      await beforeDecide?.(loaded.state);
      const decided = decider.decide(command, loaded.state);
      if (decided.length === 0) {
        return { events: [], state: loaded.state, nextStreamVersion: loaded.version, ...(loaded.lastEvent ? { lastEvent: loaded.lastEvent } : {}) };
      }

      let appended;
      try {
        appended = await this.store.append(
          streamId,
          decided.map((event, i) => ({ type: event.type, data: event.data, metadata: { ...metadata, eventId: eventId(i) } })),
          { expectedVersion: loaded.version },
        );
      } catch (error) {
        if (error instanceof StreamVersionConflict && attempt < maxAttempts) continue;
        throw error;
      }
      const events = appended.events as RecordedEvent<E>[];
      const state = events.reduce((s, event) => decider.evolve(s, event as unknown as E), loaded.state);
      if (snapshot && crossesMultiple(loaded.version, appended.nextStreamVersion, snapshot.every)) {
        await this.aggregates
          .saveSnapshot(streamId, appended.nextStreamVersion, state, snapshot)
          .catch((error: unknown) => this.onSnapshotError(error, streamId));
      }
      return { events, state, nextStreamVersion: appended.nextStreamVersion, lastEvent: events.at(-1) as RecordedEvent | undefined, ...(appended.appended ? {} : { replayed: true }) };
    }
  }
}

function crossesMultiple(from: number, to: number, every: number): boolean {
  return every > 0 && Math.floor(to / every) > Math.floor(from / every);
}
