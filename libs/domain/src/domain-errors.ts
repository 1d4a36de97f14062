/**
 * Typed domain errors shared by every context, and the pure input guards that raise them.
 *
 * Pure: no framework imports. The shell maps `code` to its transport (GraphQL error extensions), so a
 * caller can tell "fix your input" (VALIDATION) from "refresh and retry" (INVALID_STATE, ALREADY_EXISTS)
 * from "wrong id" (NOT_FOUND) without parsing messages.
 */
import type { EncryptedField } from '@cogov/eventsourcing';

export type DomainErrorCode = 'NOT_FOUND' | 'ALREADY_EXISTS' | 'INVALID_STATE' | 'VALIDATION';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command addresses an aggregate whose stream has no events. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly aggregate: string,
    readonly id: string,
  ) {
    super(`${aggregate} ${id} was not found`);
  }
}

/** A creation command meets an aggregate that already exists with other data. */
export class AlreadyExistsError extends DomainError {
  readonly code = 'ALREADY_EXISTS';

  constructor(
    readonly aggregate: string,
    readonly id: string,
    detail?: string,
  ) {
    super(`${aggregate} ${id} already exists${detail ? `: ${detail}` : ''}`);
  }
}

/** The aggregate exists but its current state does not allow the command. */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';

  constructor(message: string) {
    super(message);
  }
}

/**
 * An input is malformed; `field` names it as the command spells it (`stakeholder.kind`, `metadata.now`).
 * The message is shown to the client as given, so it names the field itself.
 */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------
// Command metadata and input guards shared by the residents deciders.

/** What every command carries besides its data: the shell sets both; decide never reads a clock. */
export interface CommandMetadata {
  /** UTC ISO-8601 instant at which the command is decided. */
  now: string;
  /** Who issues it: a user id, or `system:<component>` for automation (e.g. the deadline watcher). */
  actor: string;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** China Standard Time has been UTC+8 all year since 1991, so the calendar date is plain arithmetic. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function requireNonEmpty(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, `${field} must be a non-empty string`);
  }
  return value;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, `${field} must be a string`);
  return value;
}

export function requireNullableNonEmpty(value: unknown, field: string): string | null {
  return value === null ? null : requireNonEmpty(value, field);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * A UTC instant, returned normalised to `toISOString()` form (millisecond precision) so that every
 * event spells time the same way whatever precision the caller sent.
 */
export function requireUtcInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UTC_INSTANT.test(value)) {
    throw new ValidationError(field, `${field} must be a UTC ISO-8601 instant such as 2026-11-21T05:11:55.000Z`);
  }
  const ms = Date.parse(value);
  // Date.parse rolls 2026-02-30 over into March; the round trip catches impossible dates.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== value.slice(0, 19)) {
    throw new ValidationError(field, `${field} is not a real instant`);
  }
  return new Date(ms).toISOString();
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function requireCalendarDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) {
    throw new ValidationError(field, `${field} must be a calendar date YYYY-MM-DD`);
  }
  if (new Date(`${value}T00:00:00.000Z`).toISOString().slice(0, 10) !== value) {
    throw new ValidationError(field, `${field} is not a real date`);
  }
  return value;
}

/** The Asia/Shanghai calendar date of a UTC instant (event dates such as `movedInOn` are local dates). */
export function shanghaiDateOf(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Validates the metadata and returns it with `now` normalised. */
export function requireMetadata(metadata: unknown): CommandMetadata {
  if (typeof metadata !== 'object' || metadata === null) {
    throw new ValidationError('metadata', 'metadata is required');
  }
  const { now, actor } = metadata as Partial<CommandMetadata>;
  return {
    now: requireUtcInstant(now, 'metadata.now'),
    actor: requireNonEmpty(actor, 'metadata.actor'),
  };
}

/**
 * A personal field must arrive encrypted (the shell encrypts before decide) under the expected data
 * subject's key; otherwise erasing that subject would leave this field readable.
 *
 * Every personal field of this context is required, and AES-GCM output is exactly as long as its input:
 * a non-empty ciphertext is a non-empty plaintext (the shell trims before encrypting).
 */
export function requireEncrypted(value: unknown, field: string, subject: string): EncryptedField {
  const candidate = value as Partial<EncryptedField> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    candidate.$pii !== 'v1' ||
    typeof candidate.subject !== 'string' ||
    typeof candidate.iv !== 'string' ||
    candidate.iv === '' ||
    typeof candidate.ct !== 'string' ||
    typeof candidate.tag !== 'string' ||
    candidate.tag === ''
  ) {
    throw new ValidationError(field, `${field} must be an encrypted field ($pii v1)`);
  }
  if (candidate.subject !== subject) {
    throw new ValidationError(field, `${field} must be encrypted for data subject ${subject}, not ${candidate.subject}`);
  }
  if (candidate.ct === '') {
    throw new ValidationError(field, `${field} must not be empty`);
  }
  return { $pii: 'v1', subject: candidate.subject, iv: candidate.iv, ct: candidate.ct, tag: candidate.tag };
}
