import pg from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@cogov/testing';
import {
  BEGINNING,
  EVENTS_CHANNEL,
  EventIdReuse,
  PostgresEventStore,
  StreamVersionConflict,
  UpcasterRegistry,
  ensureEventStoreSchema,
  uuidv7,
  type EventToAppend,
  type GlobalCheckpoint,
  type RecordedEvent,
} from './index.js';

const event = (type = 'AppealFiled', data: object = { title: 'broken lift' }): EventToAppend => ({
  type,
  data,
  metadata: {
    eventId: uuidv7(),
    actor: 'user:1',
    communityId: 'community:1',
    correlationId: uuidv7(),
    causationId: uuidv7(),
    occurredAt: '2026-11-21T05:11:55.000Z',
  },
});

async function readEverything(store: PostgresEventStore, from: GlobalCheckpoint = BEGINNING) {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, { limit: 100 });
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
    if (batch.events.length < 100) return { events, checkpoint };
  }
}

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es_store');
    // drop() ends the pool and then force-drops the database; a client still closing must not crash the run.
    db.pool.on('error', () => undefined);
    await ensureEventStoreSchema(db.pool);
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('appends with 1-based stream versions and reads a stream back from and to a version', async () => {
    const stream = `appeal-${uuidv7()}`;
    const first = await store.append(stream, [event(), event('AppealAccepted', {})], { expectedVersion: 'no-stream' });
    expect(first).toMatchObject({ nextStreamVersion: 2, appended: true });
    const second = await store.append(stream, [event('AppealResolved', { note: 'fixed' })], { expectedVersion: 2 });
    expect(second.nextStreamVersion).toBe(3);
    expect(BigInt(second.lastGlobalPosition)).toBeGreaterThan(BigInt(first.lastGlobalPosition));

    const all = await store.readStream(stream);
    expect(all.map((e) => [e.type, e.streamVersion])).toEqual([
      ['AppealFiled', 1],
      ['AppealAccepted', 2],
      ['AppealResolved', 3],
    ]);
    expect(all[2]).toMatchObject({ data: { note: 'fixed' }, schemaVersion: 1, streamId: stream });
    expect(all[2]!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await store.readStream(stream, { fromVersion: 2, toVersion: 2 })).map((e) => e.type)).toEqual(['AppealAccepted']);
    expect(await store.streamVersion(stream)).toBe(3);
    expect(await store.streamVersion('no-such-stream')).toBe(0);
  });

  it('rejects an append at a stale, future or no-stream version with a typed conflict', async () => {
    const stream = `appeal-${uuidv7()}`;
    await store.append(stream, [event()], { expectedVersion: 'no-stream' });
    await expect(store.append(stream, [event()], { expectedVersion: 'no-stream' })).rejects.toMatchObject({
      name: 'StreamVersionConflict',
      streamId: stream,
      expected: 'no-stream',
      actual: 1,
    });
    await expect(store.append(stream, [event()], { expectedVersion: 5 })).rejects.toBeInstanceOf(StreamVersionConflict);
    await expect(store.append(stream, [event()], { expectedVersion: 0 })).rejects.toBeInstanceOf(StreamVersionConflict);
    expect((await store.append(stream, [event()], { expectedVersion: 'any' })).nextStreamVersion).toBe(2);
  });

  it('lets exactly one of two appenders at the same expected version win', async () => {
    for (let round = 0; round < 10; round++) {
      const stream = `appeal-${uuidv7()}`;
      await store.append(stream, [event()], { expectedVersion: 'no-stream' });
      const results = await Promise.allSettled([
        store.append(stream, [event('A')], { expectedVersion: 1 }),
        store.append(stream, [event('B')], { expectedVersion: 1 }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(StreamVersionConflict);
      expect(lost[0]!.reason).toMatchObject({ expected: 1, actual: 2 });
      expect(await store.streamVersion(stream)).toBe(2);
    }
  });

  it('serialises concurrent appends at "any" without losing one, even with more writers than attempts', async () => {
    for (let round = 0; round < 3; round++) {
      const stream = `appeal-${uuidv7()}`;
      const pool = new pg.Pool({ connectionString: db.url, max: 16 });
      pool.on('error', () => undefined);
      try {
        const contended = new PostgresEventStore(pool);
        await Promise.all(Array.from({ length: 16 }, () => contended.append(stream, [event()], { expectedVersion: 'any' })));
      } finally {
        await pool.end();
      }
      expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    }
  });

  it('treats re-appending the same event ids as a no-op returning the original result', async () => {
    const stream = `appeal-${uuidv7()}`;
    const events = [event(), event('AppealAccepted', {})];
    const original = await store.append(stream, events, { expectedVersion: 'no-stream' });
    const again = await store.append(stream, events, { expectedVersion: 'no-stream' });
    expect(again).toMatchObject({ nextStreamVersion: 2, lastGlobalPosition: original.lastGlobalPosition, appended: false });
    expect(again.events.map((e) => e.metadata.eventId)).toEqual(events.map((e) => e.metadata.eventId));
    const viaAny = await store.append(stream, events, { expectedVersion: 'any' });
    expect(viaAny).toMatchObject({ nextStreamVersion: 2, appended: false });
    expect(await store.readStream(stream)).toHaveLength(2);

    await expect(store.append(`other-${uuidv7()}`, events, { expectedVersion: 'any' })).rejects.toBeInstanceOf(EventIdReuse);
    await expect(store.append(stream, [events[0]!, event()], { expectedVersion: 2 })).rejects.toBeInstanceOf(EventIdReuse);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('upcasts old payloads on read without rewriting them, and writes new events at the newest version', async () => {
    const upcasters = new UpcasterRegistry()
      .register('ResidentRegistered', 1, (data) => ({ ...data, grid: 'unknown' }))
      .register('ResidentRegistered', 2, ({ name, ...rest }) => ({ ...rest, fullName: name }));
    const oldStore = new PostgresEventStore(db.pool);
    const newStore = new PostgresEventStore(db.pool, { upcasters });
    const stream = `resident-${uuidv7()}`;
    await oldStore.append(stream, [event('ResidentRegistered', { name: 'x' })], { expectedVersion: 'no-stream' });
    const appended = await newStore.append(stream, [event('ResidentRegistered', { fullName: 'y', grid: 'g1' })], { expectedVersion: 1 });
    expect(appended.events[0]).toMatchObject({ schemaVersion: 3, data: { fullName: 'y', grid: 'g1' } });

    const read = await newStore.readStream(stream);
    expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
      [3, { fullName: 'x', grid: 'unknown' }],
      [3, { fullName: 'y', grid: 'g1' }],
    ]);
    const { rows } = await db.pool.query('select schema_version, data from es_events where stream_id = $1 order by stream_version', [stream]);
    expect(rows).toEqual([
      { schema_version: 1, data: { name: 'x' } },
      { schema_version: 3, data: { fullName: 'y', grid: 'g1' } },
    ]);
  });

  it('never skips an event whose transaction commits after later events (held-open writer)', async () => {
    // The snapshot horizon is cluster-wide, so transactions of other test files (other databases) can hold
    // readers back for a moment too: wait for what must appear, and assert what must never appear.
    const { checkpoint: start } = await readEverything(store);
    const ours = new Set<string>();
    const append = async (type: string) => {
      const streamId = `s-${uuidv7()}`;
      ours.add(streamId);
      return store.append(streamId, [event(type)], { expectedVersion: 'any' });
    };
    const readOurs = async (from: GlobalCheckpoint) => {
      const { events, checkpoint } = await readEverything(store, from);
      return { events: events.filter((e) => ours.has(e.streamId)), checkpoint };
    };
    const before = await append('Before');

    const held = new pg.Client({ connectionString: db.url });
    await held.connect();
    try {
      await held.query('begin');
      const heldEvent = event('Held');
      const heldStream = `held-${uuidv7()}`;
      ours.add(heldStream);
      await held.query(
        `insert into es_events (event_id, stream_id, stream_version, event_type, data, metadata) values ($1, $2, 1, 'Held', '{}', $3)`,
        [heldEvent.metadata.eventId, heldStream, JSON.stringify(heldEvent.metadata)],
      );
      const later = [];
      for (let i = 0; i < 5; i++) later.push(await append('Later'));

      const whileHeld = await eventually(
        async () => {
          const read = await readOurs(start);
          return read.events.length > 0 ? read : undefined;
        },
        { what: 'the event committed before the held transaction' },
      );
      // Nothing past the open transaction: neither it nor the later, already committed events.
      expect(whileHeld.events.map((e) => e.type)).toEqual(['Before']);
      expect(BigInt(whileHeld.checkpoint.globalPosition)).toBeLessThan(BigInt(later[0]!.lastGlobalPosition));
      expect(BigInt(whileHeld.checkpoint.globalPosition)).toBeGreaterThanOrEqual(BigInt(before.lastGlobalPosition));

      await held.query('commit');
      const afterCommit = await eventually(
        async () => {
          const read = await readOurs(whileHeld.checkpoint);
          return read.events.length === 6 ? read : undefined;
        },
        { what: 'the held event and the later events' },
      );
      expect(afterCommit.events.map((e) => e.type)).toEqual(['Held', 'Later', 'Later', 'Later', 'Later', 'Later']);
      // The held event got an earlier position than the later ones, which a position-only reader would skip.
      expect(BigInt(afterCommit.events[0]!.globalPosition)).toBeLessThan(BigInt(later[0]!.lastGlobalPosition));
    } finally {
      await held.end();
    }
  });

  it('lets a reader following checkpoints see every event of many concurrent writers exactly once', async () => {
    const { checkpoint: start } = await readEverything(store);
    const writers = 8;
    const perWriter = 60;
    const seen = new Map<string, number>();
    let checkpoint = start;
    let writing = true;
    const written: string[] = [];
    // The horizon is cluster-wide: a transaction in another database (a parallel test) can hold the reader
    // back for a while, so an empty batch does not mean caught up. Read until everything written was seen.
    const reader = (async () => {
      const deadline = Date.now() + 20_000;
      while (writing || seen.size < written.length) {
        if (Date.now() > deadline) throw new Error(`reader saw ${seen.size} of ${written.length} events`);
        const batch = await store.readAll(checkpoint, { limit: 50 });
        for (const e of batch.events) seen.set(e.metadata.eventId, (seen.get(e.metadata.eventId) ?? 0) + 1);
        checkpoint = batch.checkpoint;
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const batch = i % 3 === 0 ? [event('W'), event('W')] : [event('W')];
          await store.append(`w${w}-${i % 4}`, batch, { expectedVersion: 'any' });
          written.push(...batch.map((e) => e.metadata.eventId));
        }
      }),
    );
    writing = false;
    await reader;
    expect((await store.readAll(checkpoint)).events).toEqual([]);
    expect(seen.size).toBe(written.length);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(written.every((id) => seen.has(id))).toBe(true);
  });

  it('NOTIFYs the events channel on append', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    try {
      const notifications: string[] = [];
      listener.on('notification', (n) => notifications.push(n.channel));
      await listener.query(`listen ${EVENTS_CHANNEL}`);
      await store.append(`s-${uuidv7()}`, [event(), event()], { expectedVersion: 'no-stream' });
      await eventually(() => notifications.length > 0, { what: 'a notification' });
      expect(notifications).toEqual([EVENTS_CHANNEL]);
    } finally {
      await listener.end();
    }
  });
});
