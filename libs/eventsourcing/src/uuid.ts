import { createHash, randomFillSync } from 'node:crypto';

const POOL_SIZE = 16 * 256;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let poolOffset = POOL_SIZE;
let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness. Within one millisecond the 12-bit
 * `rand_a` field is a counter (RFC 9562 §6.2, method 1), so ids minted by one process sort in creation order.
 */
export function uuidv7(now: number = Date.now()): string {
  if (poolOffset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;

  if (now > lastMs) {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x07ff;
  } else {
    sequence += 1;
    // Counter overflow: borrow the next millisecond rather than break ordering.
    if (sequence > 0x0fff) {
      lastMs += 1;
      sequence = 0;
    }
  }
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A deterministic id in the UUIDv7 layout: the 48-bit milliseconds of `at`, then 74 bits of SHA-256 over
 * `name`. The same name and instant always give the same id, so a command re-run after a crash (a workflow's
 * redelivered message) appends events with the ids it appended the first time, which the store recognises
 * as a replay. Ids still sort by time like the random UUIDv7s.
 */
export function uuidv7FromName(name: string, at: number): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[0] = Math.floor(at / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(at / 2 ** 32) & 0xff;
  bytes[2] = (at >>> 24) & 0xff;
  bytes[3] = (at >>> 16) & 0xff;
  bytes[4] = (at >>> 8) & 0xff;
  bytes[5] = at & 0xff;
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
