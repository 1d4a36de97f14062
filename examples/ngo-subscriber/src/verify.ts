/**
 * Verification of cogov's webhooks as Standard Webhooks defines it (https://www.standardwebhooks.com/), so that
 * this file can be checked against the specification line by line, and ported to any language that has
 * HMAC-SHA256 and base64.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
/** Padded standard base64: the decoder of Buffer would silently skip anything else, and sign with a wrong key. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Five minutes either way, as the specification recommends: enough for clock skew, too short to replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Request headers as `node:http` gives them; names are matched without regard to case. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface VerifyInput {
  /** `whsec_<base64>`, as `createWebhookSubscription` returned it. */
  secret: string;
  headers: WebhookHeaders;
  /** The body exactly as received: parsing and re-serialising it would change the bytes that were signed. */
  body: Buffer | string;
  toleranceSeconds?: number;
  /** Unix seconds; the clock of this machine when omitted. */
  now?: number;
}

export type VerifyResult = { ok: true; id: string; timestamp: number } | { ok: false; reason: string };

/** The HMAC key: the bytes the base64 after `whsec_` decodes to. Throws a RangeError saying what is wrong. */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new RangeError('malformed secret: it must start with whsec_');
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (encoded.length === 0 || !BASE64.test(encoded)) {
    throw new RangeError('malformed secret: the part after whsec_ must be standard base64');
  }
  return Buffer.from(encoded, 'base64');
}

function signatureOf(key: Buffer, id: string, timestamp: number | string, body: Buffer | string): string {
  // The body is fed as bytes, not decoded to text: a body that is not valid UTF-8 must still verify byte-exactly.
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/** The `webhook-signature` entry a sender puts for this message: `v1,<base64 HMAC-SHA256>`. */
export function sign(secret: string, id: string, timestamp: number, body: Buffer | string): string {
  return `v1,${signatureOf(secretKey(secret), id, timestamp, body)}`;
}

/** A header's single value; undefined when absent, null when repeated (which of two ids would be the real one?). */
function header(headers: WebhookHeaders, name: string): string | undefined | null {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // timingSafeEqual throws on different lengths. Checking them first leaks nothing: every v1 signature is 44 characters.
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks that a request comes from the holder of the secret and is fresh. The caller must still refuse an id it
 * has already handled (see dedupe.ts): within the tolerance, a captured request verifies again.
 */
export function verifyWebhook(input: VerifyInput): VerifyResult {
  let key: Buffer;
  try {
    key = secretKey(input.secret);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }

  const values: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const value = header(input.headers, name);
    if (value === null) return { ok: false, reason: `more than one ${name} header` };
    if (value === undefined || value.trim() === '') return { ok: false, reason: `missing header ${name}` };
    values[name] = value.trim();
  }
  const id = values['webhook-id']!;
  const timestampText = values['webhook-timestamp']!;

  if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'webhook-timestamp is not a number of unix seconds' };
  const timestamp = Number(timestampText);
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) return { ok: false, reason: `timestamp too old (${now - timestamp} s ago, tolerance ${tolerance} s)` };
  if (timestamp - now > tolerance) return { ok: false, reason: `timestamp too new (${timestamp - now} s ahead, tolerance ${tolerance} s)` };

  // Entries of other versions (a future asymmetric `v1a`, say) are skipped, not errors: a sender may add them.
  const candidates = values['webhook-signature']!
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => entry.slice('v1,'.length));
  if (candidates.length === 0) return { ok: false, reason: 'no v1 signature in webhook-signature' };

  // The timestamp is signed as the header's text, which is what the sender signed (not the number re-printed).
  const expected = signatureOf(key, id, timestampText, input.body);
  if (!candidates.some((candidate) => sameText(candidate, expected))) return { ok: false, reason: 'no matching signature' };
  return { ok: true, id, timestamp };
}
