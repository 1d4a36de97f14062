import { PostgresEventStore } from '@cogov/eventsourcing';
import { rebuildReadModels } from '@cogov/service-kit';
import { eventually } from '@cogov/testing';
import { startResidentsApp, type ResidentsTestApp } from '../../test/residents-test-app.js';
import { loadDemo } from '../demo/demo-loader.js';
import { PROJECTIONS } from '../infrastructure/residents-infrastructure.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');

describe('rebuildReadModels (the core of `npm run rebuild`)', () => {
  let t: ResidentsTestApp;
  let appClosed = false;

  beforeAll(async () => {
    t = await startResidentsApp('rebuild_read_models', { OUTBOX_RELAY_ENABLED: 'false' });
    await loadDemo(t.app, { scale: { households: 30, residents: 60, appeals: 60 }, now: NOW, log: () => undefined });
    await t.catchUp();
  }, 90_000);
  afterAll(async () => {
    if (!appClosed) await t.app.close();
    await t.db.drop();
  }, 30_000);

  const readModels = async () => {
    const snapshot: Record<string, unknown[]> = {};
    for (const view of ['communities', 'grids', 'households', 'residents', 'appeal_board']) {
      snapshot[view] = (await t.db.pool.query(`select * from ${view} order by 1`)).rows;
    }
    return snapshot;
  };
  const physicalTables = async () =>
    (
      await t.db.pool.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name ~ '_v[0-9]+(_g[0-9]+)?$' order by 1`,
      )
    ).rows.map((r) => r.table_name);

  it('with the service running: its leader rebuilds every read model; the CLI follows and the result equals the live one', async () => {
    const before = await readModels();
    const lines: string[] = [];
    const summaries = await rebuildReadModels({
      pool: t.db.pool,
      store: new PostgresEventStore(t.db.pool),
      projections: PROJECTIONS,
      print: (line) => lines.push(line),
      intervalMs: 100,
      leaderGraceMs: 0,
    });
    expect(summaries).toEqual([
      expect.objectContaining({ projection: 'community-directory', version: 1, generation: 1, doneBy: 'service' }),
      expect.objectContaining({ projection: 'appeal-board', version: 1, generation: 1, doneBy: 'service' }),
    ]);
    const { rows: log } = await t.db.pool.query(`select count(*)::int as n from es_events`);
    expect(summaries.map((s) => s.events)).toEqual([log[0].n, log[0].n]);
    expect(await readModels()).toEqual(before);
    expect(await physicalTables()).toEqual(['appeal_board_v1_g1', 'communities_v1_g1', 'grids_v1_g1', 'households_v1_g1', 'residents_v1_g1']);
    expect(lines[0]).toBe('[rebuild] community-directory: rebuild of v1 requested (generation 1)');
    expect(lines).toContainEqual(expect.stringMatching(/^\[rebuild\] appeal-board: v1 generation 1 switched in — [\d,]+ events in [\d.]+ s \([\d,]+ events\/s\), by the running service$/));
  }, 60_000);

  it('with the service down: this process takes the lock, rebuilds with progress lines, and stops', async () => {
    const before = await readModels();
    await t.app.close();
    appClosed = true;
    // "Down" means its sessions are gone too: a closing pool ends its connections (and their advisory locks) a
    // moment after close() returns, and a loaded machine (CI) stretches that moment.
    await eventually(
      async () =>
        (
          await t.db.pool.query<{ n: number }>(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
          )
        ).rows[0]!.n === 0,
      { what: 'the closed service to let go of its locks', timeoutMs: 10_000 },
    );
    const lines: string[] = [];
    const summaries = await rebuildReadModels({
      pool: t.db.pool,
      store: new PostgresEventStore(t.db.pool),
      projections: PROJECTIONS.filter((p) => p.name === 'appeal-board'),
      print: (line) => lines.push(line),
      intervalMs: 20,
      // Who leads is told once the grace is over: time enough for this process's runner to take the free lock,
      // even on a loaded machine (with 0 it was told before the runner had asked for it).
      leaderGraceMs: 2_000,
      batchSize: 10,
    });
    expect(summaries).toEqual([expect.objectContaining({ projection: 'appeal-board', generation: 2, doneBy: 'this process' })]);
    expect(await readModels()).toEqual(before);
    expect(await physicalTables()).toEqual(['appeal_board_v1_g2', 'communities_v1_g1', 'grids_v1_g1', 'households_v1_g1', 'residents_v1_g1']);
    expect(lines).toContain('[rebuild] appeal-board: no instance of the service holds the projection\'s lock: this process does the rebuild');
    expect(lines).toContainEqual(expect.stringMatching(/^\[rebuild\] appeal-board: [\d,]+\/[\d,]+ events \(\d+ %\), [\d,]+ events\/s$/));
    // Nothing is left holding the lock: a service started now leads at once.
    const { rows } = await t.db.pool.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`);
    expect(rows[0].n).toBe(0);
  }, 60_000);

  it('refuses a build whose projection version is not the active one', async () => {
    const [appealBoard] = PROJECTIONS.filter((p) => p.name === 'appeal-board');
    await expect(
      rebuildReadModels({ pool: t.db.pool, store: new PostgresEventStore(t.db.pool), projections: [{ ...appealBoard!, version: 2 }], print: () => undefined }),
    ).rejects.toThrow('the database serves v1, this build has v2; deploy it');
  });
});
