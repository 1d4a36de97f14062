import type { ExpectedVersion } from './types.js';

/** The stream was not at the expected version: another writer got there first. Retry from a fresh load. */
export class StreamVersionConflict extends Error {
  override readonly name = 'StreamVersionConflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/**
 * Some of the event ids of an append are already stored, but not as exactly this append to this stream.
 * Not retryable: an id was reused for different events (a bug in the caller), so nothing is written.
 */
export class EventIdReuse extends Error {
  override readonly name = 'EventIdReuse';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamId}: event ids already used by other events: ${eventIds.join(', ')}`);
  }
}
