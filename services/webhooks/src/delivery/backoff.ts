/**
 * The wait before the next try after `failures` failed ones: `base × 2^(failures − 1)`, at most `max`, less up to
 * a fifth at random so receivers recovering from an outage are not hit by every subscription at the same instant.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (1 - 0.2 * random()));
}
