import { createTestDatabase, type TestDatabase } from '@cogov/testing';
import {
  AggregateStore,
  CommandHandlingService,
  PostgresEventStore,
  SnapshotStore,
  StreamVersionConflict,
  ensureEventStoreSchema,
  uuidv7,
  uuidv7FromName,
  type Decider,
  type SnapshotOptions,
} from './index.js';

type TallyEvent =
  | { type: 'VoteCast'; data: { household: string; choice: 'yes' | 'no' } }
  | { type: 'VotingClosed'; data: { at: string } };
type TallyState = { status: 'open' | 'closed'; yes: number; no: number; voters: string[] };
type TallyCommand = { type: 'CastVote'; household: string; choice: 'yes' | 'no' } | { type: 'CloseVoting'; at: string };
class VotingClosed extends Error {}

const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ status: 'open', yes: 0, no: 0, voters: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'VoteCast':
        return { ...state, [event.data.choice]: state[event.data.choice] + 1, voters: [...state.voters, event.data.household] };
      case 'VotingClosed':
        return { ...state, status: 'closed' };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
  decide: (command, state) => {
    if (state.status === 'closed') throw new VotingClosed();
    switch (command.type) {
      case 'CastVote':
        return state.voters.includes(command.household) ? [] : [{ type: 'VoteCast', data: { household: command.household, choice: command.choice } }];
      case 'CloseVoting':
        return [{ type: 'VotingClosed', data: { at: command.at } }];
    }
  },
};

const metadata = {
  actor: 'user:1',
  communityId: 'community:1',
  correlationId: uuidv7(),
  causationId: uuidv7(),
  occurredAt: '2026-11-21T05:11:55.000Z',
};
const snapshot: SnapshotOptions<TallyState> = { name: 'tally-v1', every: 5 };

describe('CommandHandlingService', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let aggregates: AggregateStore;
  let service: CommandHandlingService;

  beforeAll(async () => {
    db = await createTestDatabase('es_commands');
    // drop() ends the pool and then force-drops the database; a client still closing must not crash the run.
    db.pool.on('error', () => undefined);
    await ensureEventStoreSchema(db.pool);
    store = new PostgresEventStore(db.pool);
    aggregates = new AggregateStore(store, new SnapshotStore(db.pool));
    service = new CommandHandlingService(store, aggregates);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('loads, decides and appends with the expected version; stays quiet and rejects as the decider says', async () => {
    const streamId = `tally-${uuidv7()}`;
    const first = await service.handle({ streamId, decider: tally, command: { type: 'CastVote', household: 'h1', choice: 'yes' }, metadata });
    expect(first.nextStreamVersion).toBe(1);
    expect(first.state).toMatchObject({ yes: 1, voters: ['h1'] });
    expect(first.events[0]).toMatchObject({ type: 'VoteCast', streamVersion: 1, metadata: { actor: 'user:1' } });
    expect(first.events[0]!.metadata.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    const quiet = await service.handle({ streamId, decider: tally, command: { type: 'CastVote', household: 'h1', choice: 'no' }, metadata });
    expect(quiet).toMatchObject({ events: [], nextStreamVersion: 1 });

    await service.handle({ streamId, decider: tally, command: { type: 'CloseVoting', at: '2026-11-21T06:00:00.000Z' }, metadata });
    await expect(
      service.handle({ streamId, decider: tally, command: { type: 'CastVote', household: 'h2', choice: 'no' }, metadata }),
    ).rejects.toBeInstanceOf(VotingClosed);
  });

  it('gives the same state from snapshot + tail as from the full fold', async () => {
    const streamId = `tally-${uuidv7()}`;
    let last;
    for (let i = 0; i < 23; i++) {
      last = await service.handle({
        streamId,
        decider: tally,
        command: { type: 'CastVote', household: `h${i}`, choice: i % 3 === 0 ? 'no' : 'yes' },
        metadata,
        snapshot,
      });
    }
    const { rows } = await db.pool.query('select stream_version::int as v from es_snapshots where stream_id = $1', [streamId]);
    expect(rows).toEqual([{ v: 20 }]);

    const viaSnapshot = await aggregates.load(streamId, tally, snapshot);
    const fullFold = await aggregates.load(streamId, tally);
    expect(viaSnapshot.snapshotVersion).toBe(20);
    expect(fullFold.snapshotVersion).toBe(0);
    expect(viaSnapshot.version).toBe(23);
    expect(viaSnapshot.state).toEqual(fullFold.state);
    expect(viaSnapshot.state).toEqual(last!.state);
    expect(viaSnapshot.state).toMatchObject({ yes: 15, no: 8 });

    const otherShape = await aggregates.load(streamId, tally, { ...snapshot, name: 'tally-v2' });
    expect(otherShape.snapshotVersion).toBe(0);
    expect(otherShape.state).toEqual(fullFold.state);
  });

  it('retries on a version conflict so concurrent commands on one stream all land', async () => {
    const streamId = `tally-${uuidv7()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        service.handle({ streamId, decider: tally, command: { type: 'CastVote', household: `h${i}`, choice: 'yes' }, metadata, maxAttempts: 20 }),
      ),
    );
    expect(results.map((r) => r.nextStreamVersion).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await aggregates.load(streamId, tally)).state.yes).toBe(6);
  });

  it('rethrows the conflict once the attempts are used up', async () => {
    const streamId = `tally-${uuidv7()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        service.handle({ streamId, decider: tally, command: { type: 'CastVote', household: `h${i}`, choice: 'no' }, metadata, maxAttempts: 1 }),
      ),
    );
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((o) => o.reason instanceof StreamVersionConflict)).toBe(true);
    expect(await store.streamVersion(streamId)).toBe(4 - rejected.length);
  });

  it('runs an idempotent command once: a re-run answers the stored events without asking the decider again', async () => {
    const streamId = `tally-${uuidv7()}`;
    const idempotency = { key: `workflow:${uuidv7()}:close`, at: Date.parse('2026-11-21T07:00:00.000Z') };
    const close = { type: 'CloseVoting' as const, at: '2026-11-21T07:00:00.000Z' };
    const first = await service.handle({ streamId, decider: tally, command: close, metadata, idempotency });
    expect(first.replayed).toBeUndefined();
    expect(first.events[0]!.metadata.eventId).toBe(uuidv7FromName(`${idempotency.key}#0`, idempotency.at));
    // Run again (a redelivered message): the decider would now throw VotingClosed, but is not asked.
    const again = await service.handle({ streamId, decider: tally, command: close, metadata, idempotency });
    expect(again).toMatchObject({ replayed: true, nextStreamVersion: 1, state: { status: 'closed' } });
    expect(again.events.map((e) => e.metadata.eventId)).toEqual(first.events.map((e) => e.metadata.eventId));
    expect(await store.streamVersion(streamId)).toBe(1);
    // Concurrent re-runs store one set of events between them.
    const other = `tally-${uuidv7()}`;
    const key = { key: `workflow:${uuidv7()}:vote`, at: idempotency.at };
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => service.handle({ streamId: other, decider: tally, command: { type: 'CastVote', household: 'h1', choice: 'yes' }, metadata, idempotency: key })),
    );
    expect(await store.streamVersion(other)).toBe(1);
    expect(new Set(runs.flatMap((r) => r.events.map((e) => e.metadata.eventId)))).toEqual(new Set([uuidv7FromName(`${key.key}#0`, key.at)]));
  });
});
