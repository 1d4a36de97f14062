/**
 * Removes personal data (and credentials) from anything about to be logged. Logs are copied to places the
 * crypto-shredding of events cannot reach, so personal data must never get into them in the first place.
 */

export const REDACTED = '[redacted]';

/**
 * Keys whose values are dropped whatever they hold, compared case-insensitively without `_`/`-`. The free-text
 * fields (description, note, comment) are here because residents write names and numbers into them.
 */
const SENSITIVE_KEYS = new Set(
  [
    'name',
    'workerName',
    'realName',
    'fullName',
    'idNumber',
    'idCard',
    'phone',
    'mobile',
    'telephone',
    'address',
    'description',
    'comment',
    'note',
    'tag',
    'authorization',
    'cookie',
    'password',
    'token',
    'accessToken',
    'refreshToken',
    'secret',
    'privateKey',
  ].map((key) => normaliseKey(key)),
);

function normaliseKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

/** Resident ID numbers (18 digits, last may be X; 15-digit legacy) and mainland mobile numbers, not inside longer digit runs. */
const ID_NUMBER = /(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])/g;

export function redactString(value: string): string {
  return value.replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED);
}

const isEncryptedField = (value: object): boolean => '$pii' in value && 'ct' in value;

const MAX_DEPTH = 8;

/**
 * A redacted, JSON-safe copy of `value`. `ancestors` holds the objects on the current path, so a cycle is
 * cut while an object referenced twice side by side is still copied twice.
 */
export function redact(value: unknown, depth = 0, ancestors: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactString(value.message),
      ...(value.stack === undefined ? {} : { stack: redactString(value.stack) }),
    };
  }
  if (isEncryptedField(value)) return REDACTED;
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, ancestors));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = SENSITIVE_KEYS.has(normaliseKey(key)) ? REDACTED : redact(item, depth + 1, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}
