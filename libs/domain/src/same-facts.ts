/**
 * Whether a repeated command carries the same facts as those already recorded: structural equality of
 * plain JSON data, blind to key order (events read back from a JSONB column come back with their keys
 * reordered), sensitive to list order (commitments and volunteers are listed as given).
 */
export function sameFacts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameFacts(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameFacts(left[key], right[key]));
}
