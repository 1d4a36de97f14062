import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@cogov/testing';
import {
  ERASED,
  PersonalDataVault,
  PostgresEventStore,
  ensureEventStoreSchema,
  isEncryptedField,
  uuidv7,
  type EncryptedField,
} from './index.js';

describe('PersonalDataVault', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase('es_pii');
    // drop() ends the pool and then force-drops the database; a client still closing must not crash the run.
    db.pool.on('error', () => undefined);
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });

  const registered = async (vault: PersonalDataVault, subject: string) => ({
    type: 'ResidentRegistered',
    data: {
      residentId: subject,
      name: await vault.encrypt(subject, '王小明'),
      idCardNumber: await vault.encrypt(subject, '110101199003077777'),
      phone: await vault.encrypt(subject, '13800138000'),
      vulnerableGroups: await vault.encrypt(subject, JSON.stringify(['独居老人'])),
    },
    metadata: {
      eventId: uuidv7(),
      actor: 'user:1',
      communityId: 'community:1',
      correlationId: uuidv7(),
      causationId: uuidv7(),
      occurredAt: '2026-11-21T05:11:55.000Z',
    },
  });

  it('stores only ciphertext, decrypts in one batch, and reads ERASED everywhere after erasure', async () => {
    const vault = new PersonalDataVault(db.pool, { masterKey });
    const subject = `resident-${uuidv7()}`;
    const other = `resident-${uuidv7()}`;
    await store.append(subject, [await registered(vault, subject)], { expectedVersion: 'no-stream' });
    await store.append(other, [await registered(vault, other)], { expectedVersion: 'no-stream' });

    const raw = async () => (await db.pool.query<{ text: string }>('select data::text || metadata::text as text from es_events')).rows.map((r) => r.text).join('\n');
    for (const plaintext of ['王小明', '110101199003077777', '13800138000', '独居老人']) expect(await raw()).not.toContain(plaintext);

    const fields = async (streamId: string) => {
      const [event] = await store.readStream(streamId);
      const data = event!.data as Record<string, unknown>;
      // jsonb does not keep key order: pick the fields by name.
      return ['name', 'idCardNumber', 'phone', 'vulnerableGroups'].map((key) => data[key]).filter(isEncryptedField);
    };
    const readers = new PersonalDataVault(db.pool, { masterKey });
    const both = [...(await fields(subject)), ...(await fields(other))];
    expect(await readers.decryptMany(both)).toEqual([
      '王小明', '110101199003077777', '13800138000', '["独居老人"]',
      '王小明', '110101199003077777', '13800138000', '["独居老人"]',
    ]);

    expect(await vault.eraseSubject(subject)).toBe(true);
    expect(await vault.eraseSubject(subject)).toBe(false);
    // A fresh instance has no cache: this is what every replay and projection sees after the erasure.
    const afterErasure = new PersonalDataVault(db.pool, { masterKey });
    expect(await afterErasure.decryptMany([...(await fields(subject)), ...(await fields(other))])).toEqual([
      ERASED, ERASED, ERASED, ERASED,
      '王小明', '110101199003077777', '13800138000', '["独居老人"]',
    ]);
    // The erasing instance forgets the key at once.
    expect(await vault.decrypt((await fields(subject))[0]!)).toBe(ERASED);

    const { rows } = await db.pool.query('select subject from es_subject_keys order by subject');
    expect(rows).toEqual([{ subject: other }]);
    for (const plaintext of ['王小明', '110101199003077777']) expect(await raw()).not.toContain(plaintext);
  });

  it('keeps old ciphertext erased when an erased subject later gets a new key', async () => {
    const vault = new PersonalDataVault(db.pool, { masterKey });
    const subject = `resident-${uuidv7()}`;
    const old = await vault.encrypt(subject, 'old phone');
    await vault.eraseSubject(subject);
    const fresh = await vault.encrypt(subject, 'new phone');
    expect(await vault.decryptMany([old, fresh])).toEqual([ERASED, 'new phone']);
  });

  it('refuses a field moved to another subject, and a vault with the wrong master key', async () => {
    const vault = new PersonalDataVault(db.pool, { masterKey });
    const a = `resident-${uuidv7()}`;
    const b = `resident-${uuidv7()}`;
    await vault.encrypt(b, 'b');
    const field = await vault.encrypt(a, 'secret');
    const moved: EncryptedField = { ...field, subject: b };
    expect(await vault.decrypt(moved)).toBe(ERASED);

    const wrongMaster = new PersonalDataVault(db.pool, { masterKey: randomBytes(32) });
    await expect(wrongMaster.decrypt(field)).rejects.toThrow();
  });

  it('bounds the life of a cached key after an erasure elsewhere by the cache TTL', async () => {
    const subject = `resident-${uuidv7()}`;
    const writer = new PersonalDataVault(db.pool, { masterKey });
    const field = await writer.encrypt(subject, 'cached');
    const reader = new PersonalDataVault(db.pool, { masterKey, keyCacheTtlMs: 200 });
    expect(await reader.decrypt(field)).toBe('cached');
    await writer.eraseSubject(subject);
    await new Promise((r) => setTimeout(r, 250));
    expect(await reader.decrypt(field)).toBe(ERASED);
  });
});
