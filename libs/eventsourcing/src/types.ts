/**
 * The shared vocabulary of the event store. Framework-free: domain code imports these types only.
 */

/** Metadata every stored event carries (design §3). Times are UTC ISO-8601 strings. */
export interface EventMetadata {
  /** UUIDv7 of the event; also the idempotency key of an append and the inbox key of consumers. */
  eventId: string;
  /** Who caused it: a user id, or `system:<component>` for automation. */
  actor: string;
  /** The jurisdiction the event belongs to (a community id), or the street id for street-level facts. */
  communityId: string;
  correlationId: string;
  causationId: string;
  /** When it happened, UTC ISO-8601 (`2026-11-21T05:11:55.000Z`). Comes from the command, never from evolve. */
  occurredAt: string;
}

/**
 * A domain event as the domain sees it: `type` is the persisted identity (past tense, e.g. `AppealFiled`),
 * `version` the schema version of `data` (upcasters lift old versions on read).
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** An event read back from the store. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  /** Schema version of the payload after upcasting. */
  schemaVersion: number;
  metadata: EventMetadata;
  streamId: string;
  /** 1-based position of the event in its stream. */
  streamVersion: number;
  /** Position in the global log (bigint as string to survive JSON). */
  globalPosition: string;
  /** PostgreSQL transaction id (xid8) of the append, as string. */
  transactionId: string;
  /** When the store recorded it (UTC). */
  recordedAt: string;
}

/** The pure shape of an aggregate (style.md: decide/evolve). */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Expected version for an append: an exact stream version, `no-stream`, or `any`. */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendResult {
  /** Stream version after the append (the version of the last event). */
  nextStreamVersion: number;
  /** Global position of the last event appended (or already present, for an idempotent re-append). */
  lastGlobalPosition: string;
  /** False when every event id was already stored in this stream (idempotent no-op). */
  appended: boolean;
}

/** Checkpoint of a global, gap-free reader: (transaction id, global position). */
export interface GlobalCheckpoint {
  transactionId: string;
  globalPosition: string;
}

export const BEGINNING: GlobalCheckpoint = { transactionId: '0', globalPosition: '0' };

/**
 * A personal field as it is stored in an event (design §3, crypto-shredding): AES-256-GCM ciphertext under
 * the data subject's own key. Deleting the subject's key erases the field everywhere, Kafka copies included.
 */
export interface EncryptedField {
  $pii: 'v1';
  /** The data subject whose key encrypts this field (e.g. a resident id). */
  subject: string;
  /** base64 of the 12-byte IV, the ciphertext and the 16-byte GCM tag. */
  iv: string;
  ct: string;
  tag: string;
}

/** What a decrypted personal field reads as once its subject has been erased. */
export const ERASED = '[erased]' as const;
