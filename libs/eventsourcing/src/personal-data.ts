import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { ERASED, type EncryptedField } from './types.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Reads the master key from config (base64 of 32 random bytes, e.g. `openssl rand -base64 32`). */
export function parseMasterKey(base64: string): Buffer {
  const trimmed = base64.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== KEY_BYTES) {
    throw new Error(
      `The personal-data master key must be base64 of exactly ${KEY_BYTES} bytes (AES-256); got ${key.length} bytes. ` +
        'Generate one with `openssl rand -base64 32`.',
    );
  }
  return key;
}

export function isEncryptedField(value: unknown): value is EncryptedField {
  return typeof value === 'object' && value !== null && (value as { $pii?: unknown }).$pii === 'v1';
}

export interface PersonalDataVaultOptions {
  masterKey: Buffer;
  /**
   * How long a subject's unwrapped key (or its absence) is cached in memory (default 10 s). This is the bound on
   * how long another instance may still decrypt a subject after its erasure; the erasing instance forgets at once.
   */
  keyCacheTtlMs?: number;
}

/**
 * Crypto-shredding of personal fields (design §3): each data subject has a random AES-256 key, stored wrapped
 * under the master key in `es_subject_keys`. Fields are encrypted before they enter an event; erasing the
 * subject deletes the key, after which every copy of the ciphertext — event store, snapshots, Kafka — reads as
 * `ERASED`. Replays and projections never crash on it.
 */
export class PersonalDataVault {
  private readonly masterKey: Buffer;
  private readonly ttlMs: number;
  private readonly cache = new Map<string, { key: Buffer | null; expiresAt: number }>();

  constructor(
    private readonly pool: pg.Pool,
    options: PersonalDataVaultOptions,
  ) {
    if (options.masterKey.length !== KEY_BYTES) throw new Error(`master key must be ${KEY_BYTES} bytes`);
    this.masterKey = options.masterKey;
    this.ttlMs = options.keyCacheTtlMs ?? 10_000;
  }

  /** Encrypts one personal field of `subject`, creating the subject's key on first use. */
  async encrypt(subject: string, plaintext: string): Promise<EncryptedField> {
    const key = await this.keyForEncryption(subject);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The subject is authenticated data: a field copied under another subject fails to decrypt.
    cipher.setAAD(fieldAad(subject));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { $pii: 'v1', subject, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }

  async decrypt(field: EncryptedField): Promise<string | typeof ERASED> {
    const [value] = await this.decryptMany([field]);
    return value!;
  }

  /** Decrypts many fields with at most one query, for the keys not in the cache. */
  async decryptMany(fields: readonly EncryptedField[]): Promise<(string | typeof ERASED)[]> {
    const keys = await this.keysFor(new Set(fields.map((field) => field.subject)));
    return fields.map((field) => {
      const key = keys.get(field.subject);
      return key ? decryptField(key, field) : ERASED;
    });
  }

  /** Deletes the subject's key. Returns false when there was none (never created, or already erased). */
  async eraseSubject(subject: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('delete from es_subject_keys where subject = $1', [subject]);
    this.cache.delete(subject);
    return (rowCount ?? 0) > 0;
  }

  private async keyForEncryption(subject: string): Promise<Buffer> {
    const cached = this.cached(subject);
    if (cached) return cached;
    const existing = (await this.keysFor(new Set([subject]))).get(subject);
    if (existing) return existing;
    // A concurrent first use may insert first; the no-op update makes both callers get the winning key.
    const { rows } = await this.pool.query<{ wrapped_key: Buffer }>(
      `insert into es_subject_keys (subject, wrapped_key) values ($1, $2)
       on conflict (subject) do update set subject = excluded.subject
       returning wrapped_key`,
      [subject, this.wrap(subject, randomBytes(KEY_BYTES))],
    );
    const key = this.unwrap(subject, rows[0]!.wrapped_key);
    this.cache.set(subject, { key, expiresAt: Date.now() + this.ttlMs });
    return key;
  }

  private cached(subject: string): Buffer | null | undefined {
    const entry = this.cache.get(subject);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.cache.delete(subject);
      return undefined;
    }
    return entry.key;
  }

  private async keysFor(subjects: ReadonlySet<string>): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    const missing: string[] = [];
    for (const subject of subjects) {
      const cached = this.cached(subject);
      if (cached === undefined) missing.push(subject);
      else keys.set(subject, cached);
    }
    if (missing.length === 0) return keys;
    const { rows } = await this.pool.query<{ subject: string; wrapped_key: Buffer }>({
      name: 'es_subject_keys_load',
      text: 'select subject, wrapped_key from es_subject_keys where subject = any($1::text[])',
      values: [missing],
    });
    const found = new Map(rows.map((row) => [row.subject, row.wrapped_key]));
    const expiresAt = Date.now() + this.ttlMs;
    for (const subject of missing) {
      const wrapped = found.get(subject);
      const key = wrapped ? this.unwrap(subject, wrapped) : null;
      this.cache.set(subject, { key, expiresAt });
      keys.set(subject, key);
    }
    return keys;
  }

  /** iv ‖ tag ‖ ciphertext of the subject key under the master key, bound to the subject. */
  private wrap(subject: string, key: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(keyAad(subject));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  }

  private unwrap(subject: string, wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(keyAad(subject));
    decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    // A wrong master key throws here, loudly: that is misconfiguration, not erasure.
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }
}

const fieldAad = (subject: string) => Buffer.from(`cogov-pii:v1:${subject}`, 'utf8');
const keyAad = (subject: string) => Buffer.from(`cogov-subject-key:v1:${subject}`, 'utf8');

function decryptField(key: Buffer, field: EncryptedField): string | typeof ERASED {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'));
    decipher.setAAD(fieldAad(field.subject));
    decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(field.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // The subject was erased and later got a new key: the old ciphertext stays unreadable, i.e. erased.
    return ERASED;
  }
}
