/**
 * Configuration of co-building pairings. The default minimum pledge is 5,000 yuan (500,000 fen) a unit, the
 * figure the design brief quotes; a district that asks less (or nothing, e.g. from schools) configures it.
 */
export interface PairingPolicy {
  /** The smallest support fund a pairing may pledge, in fen; 0 allows pairings without money. */
  readonly minimumPledgeFen: number;
}

export const defaultPairingPolicy: PairingPolicy = Object.freeze({ minimumPledgeFen: 500_000 });

/** A policy from configuration; bad values throw a RangeError at start-up. */
export function createPairingPolicy(config: Partial<PairingPolicy> = {}): PairingPolicy {
  const minimumPledgeFen = config.minimumPledgeFen ?? defaultPairingPolicy.minimumPledgeFen;
  if (!Number.isSafeInteger(minimumPledgeFen) || minimumPledgeFen < 0) {
    throw new RangeError('pairing policy: minimumPledgeFen must be a whole, non-negative number of fen');
  }
  return Object.freeze({ minimumPledgeFen });
}

/** `500000` → `5,000.00 yuan`, for messages. */
export const yuan = (fen: number): string =>
  `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} yuan`;
