import { startResidentsApp, type ResidentsTestApp } from '../../test/residents-test-app.js';
import { loadDemo, type DemoLoadSummary } from './demo-loader.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const SCALE = { households: 40, residents: 90, appeals: 80 };

describe('demo loader (small scale)', () => {
  let t: ResidentsTestApp;
  let first: DemoLoadSummary;
  let admin: string;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startResidentsApp('load_demo');
    first = await loadDemo(t.app, { scale: SCALE, now: NOW, log: (line) => lines.push(line) });
    await t.catchUp();
    admin = await t.token({ roles: ['street_admin'], streetIds: [first.streetId] });
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('loads the community, its grids with workers, the households and the residents', async () => {
    const res = await t.graphql<{ community: { name: string; streetId: string; householdsCount: number; residentsCount: number; grids: { workerName: string | null }[] } }>(
      admin,
      `query ($c: ID!) { community(id: $c) { name streetId householdsCount residentsCount grids { workerName } } }`,
      { c: first.communityId },
    );
    expect(res.data?.community).toMatchObject({ name: '幸福里社区', streetId: 'street-chaoyang', householdsCount: 40, residentsCount: 90 });
    expect(res.data?.community.grids).toHaveLength(6);
    expect(res.data?.community.grids.every((g) => typeof g.workerName === 'string' && g.workerName.length >= 2)).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^households 40\/40 \(40 commands, [\d.]+ s\)$/)]));
  });

  it('spreads the appeals over the last five months, back-dated, with realistic outcomes', async () => {
    const { rows } = await t.db.pool.query<{ month: string; n: number }>(
      `select to_char(filed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n from appeal_board group by 1 order by 1`,
    );
    // The plan's appeals, and the one help request left open for workflow 2.
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(SCALE.appeals + 1);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.month >= '2026-06' && r.month <= '2026-11')).toBe(true);
    const { rows: statuses } = await t.db.pool.query<{ status: string; n: number }>(`select status, count(*)::int as n from appeal_board group by 1`);
    const by = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(by.closed).toBeGreaterThan(SCALE.appeals / 2);
    const { rows: recorded } = await t.db.pool.query<{ occurred: string }>(`select min(metadata->>'occurredAt') as occurred from es_events where event_type = 'AppealFiled'`);
    expect(Date.parse(recorded[0]!.occurred)).toBeLessThan(NOW.getTime() - 100 * 24 * 3_600_000);
  });

  it('gives non-trivial monthly metrics', async () => {
    const res = await t.graphql<{ communityMonthlyMetrics: Record<string, number> }>(
      admin,
      `query ($c: ID!) { communityMonthlyMetrics(communityId: $c, month: "2026-09") { appealsFiled responseRate resolutionRate satisfactionRate medianHoursToResolve } }`,
      { c: first.communityId },
    );
    const m = res.data!.communityMonthlyMetrics;
    expect(m.appealsFiled).toBeGreaterThan(5);
    for (const rate of [m.responseRate, m.resolutionRate, m.satisfactionRate]) {
      expect(rate).toBeGreaterThan(0.5);
      expect(rate).toBeLessThanOrEqual(1);
    }
    expect(m.medianHoursToResolve).toBeGreaterThan(0);
  });

  it('appends no event on a second run', async () => {
    const second = await loadDemo(t.app, { scale: SCALE, now: NOW });
    expect(second).toMatchObject({ commandsRun: 0, commandsSkipped: first.commandsRun, eventsAppended: 0 });
    // Without `now` (a later `npm start`), the history ends where the first run ended it: nothing new is due.
    const later = await loadDemo(t.app, { scale: SCALE });
    expect(later).toMatchObject({ commandsRun: 0, eventsAppended: 0 });
  }, 60_000);
});
