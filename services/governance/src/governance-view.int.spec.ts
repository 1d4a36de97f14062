import { createTestDatabase, type TestDatabase } from '@cogov/testing';
import { rebuildFacts } from './intake/rebuild.js';
import { buildMonthlyReport } from './report/monthly-report.js';
import { parseAsOf } from './scorecard/scorecard.js';
import { figuresOf } from './scorecard/scorecard.js';
import { communityCounts, knownCommunities } from './scorecard/scorecard.queries.js';
import { COMMUNITY, STREET, ids, record, scenario } from '../test/scenario.js';

/** The governance view's read model on the real PostgreSQL, from the scenario's events (test/scenario.ts). */
describe('the governance view', () => {
  let db: TestDatabase;
  let shuffled: TestDatabase;
  const facts = async (target: TestDatabase) =>
    (await target.pool.query('select event_id, ordinal, kind, community_id, subject_id, at, due_at, amount, attrs from gov_fact order by event_id, ordinal')).rows;
  const figures = async (asOf: string) => figuresOf(await communityCounts(db.pool, [COMMUNITY], parseAsOf(asOf, 'asOf', new Date('2027-01-01T00:00:00Z'))));

  beforeAll(async () => {
    db = await createTestDatabase('governance_view');
    shuffled = await createTestDatabase('governance_view_shuffled');
    const events = scenario();
    await record(db.pool, events);
    // The same events in another order (five topics interleave as they like), and one of them twice.
    await record(shuffled.pool, [...events].reverse().concat(events.slice(3, 4)));
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    await shuffled?.drop();
  });

  it('keeps the same facts whatever order the events arrive in, duplicates included', async () => {
    const live = await facts(db);
    expect(live.length).toBeGreaterThan(30);
    expect(await facts(shuffled)).toEqual(live);
  });

  it('keeps no personal data, not even encrypted', async () => {
    const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from gov_event where data::text like '%$pii%'`);
    expect(rows[0]!.n).toBe(0);
    const { rows: all } = await db.pool.query<{ n: number }>(`select count(*)::int as n from gov_fact where attrs::text like '%$pii%'`);
    expect(all[0]!.n).toBe(0);
  });

  it('rebuilds the read model from zero, reporting progress, to exactly the live one', async () => {
    const live = await facts(db);
    const progress: number[] = [];
    const result = await rebuildFacts(db.pool, { every: 10, batch: 7, onProgress: (p) => progress.push(p.events) });
    expect(result.events).toBe(scenario().length);
    expect(result.facts).toBe(live.length);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await facts(db)).toEqual(live);
  });

  it('gives the scorecard of the community at the end of October', async () => {
    expect(await figures('2026-10-31')).toEqual({
      residents: 3,
      appeals: { filed: 3, responded: 2, resolved: 1, returnVisited: 1, overdue: 1, responseRate: 0.6667, resolutionRate: 0.3333, satisfactionRate: 1 },
      volunteers: { registered: 2, active: 1, verifiedHours: 3, verifiedHoursPer1000Residents: 1000 },
      party: { membersRegistered: 1, households: 2, householdsWithContact: 1, householdsWithContactShare: 0.5 },
      pairings: { active: 2, activities: 2, participants: 65, fundsPledgedFen: 1_800_000, fundsDisbursedFen: 200_000 },
      property: { compounds: 2, compoundsWithCommittee: 1, committeeShare: 0.5, ratedExcellent: 1, ratedGood: 0, ratedPass: 0, ratedFail: 1 },
    });
  });

  it('gives the scorecard as it stood at the end of September, from the same history', async () => {
    const september = await figures('2026-09-30');
    expect(september.residents).toBe(3);
    expect(september.appeals).toEqual({ filed: 1, responded: 1, resolved: 1, returnVisited: 1, overdue: 0, responseRate: 1, resolutionRate: 1, satisfactionRate: 1 });
    expect(september.volunteers).toEqual({ registered: 2, active: 1, verifiedHours: 1, verifiedHoursPer1000Residents: 333.3 });
    expect(september.pairings).toEqual({ active: 2, activities: 1, participants: 25, fundsPledgedFen: 1_800_000, fundsDisbursedFen: 0 });
    expect(september.property).toMatchObject({ compoundsWithCommittee: 0, ratedFail: 0, ratedExcellent: 0 });
    // Mid-August: before the pledge was raised, r4 still living there, no appeal yet.
    const august = await figures('2026-08-15');
    expect(august.residents).toBe(4);
    expect(august.appeals.filed).toBe(0);
    expect(august.appeals.responseRate).toBeNull();
    expect(august.pairings.fundsPledgedFen).toBe(1_300_000);
  });

  it('counts an appeal overdue only once its deadline passed unresolved', async () => {
    // Due 2026-10-12 10:00 in Shanghai.
    expect((await figures('2026-10-11')).appeals.overdue).toBe(0);
    expect((await figures('2026-10-12T09:59:00+08:00')).appeals.overdue).toBe(0);
    expect((await figures('2026-10-12')).appeals.overdue).toBe(1);
  });

  it('writes the monthly co-building report of the street for October', async () => {
    const communities = (await knownCommunities(db.pool, STREET.id)).map((c) => ({ communityId: c.communityId, name: c.name }));
    expect(communities).toEqual([{ communityId: COMMUNITY, name: '社区甲' }]);
    const report = await buildMonthlyReport(db.pool, { streetId: STREET.id, streetName: STREET.name, communities }, '2026-10');
    expect(report).toMatchObject({ month: '2026-10', from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' });
    expect(report.basics).toEqual({
      themes: [{ organisationName: '区人民医院', communityName: '社区甲', theme: '健康进社区' }],
      unitsTakingPart: 1,
      unitsPaired: 2,
      activities: 1,
      staffTakingPart: 10,
      residentsTakingPart: 30,
      volunteerHours: 2,
      appealsFiled: 2,
      appealsResolved: 0,
    });
    expect(report.highlights).toEqual([{ title: '义诊', organisationName: '区人民医院', communityName: '社区甲', heldOn: '2026-10-12', participants: 40, theme: '健康进社区' }]);
    expect(report.funds).toEqual({
      disbursedFen: 200_000,
      pledgedFen: 1_800_000,
      byOrganisation: [
        { organisationName: '区人民医院', disbursedFen: 200_000, pledgedFen: 1_500_000 },
        { organisationName: '实验小学', disbursedFen: 0, pledgedFen: 300_000 },
      ],
    });
    expect(report.assessments.map((a) => [a.compoundName, a.rating])).toEqual([['乙小区', 'excellent'], ['甲小区', 'fail']]);
    expect(report.committeesFiled).toEqual([{ compoundName: '甲小区', communityName: '社区甲', filedAt: '2026-10-20T00:00:00.000Z', filingNumber: 'BA-2026-001' }]);
    expect(report.shortfalls).toEqual({
      unitsWithoutActivity: [{ organisationName: '实验小学', communityName: '社区甲' }],
      cadresWithoutRecord: [{ cadreId: ids.cadre, pairedUnitName: '实验小学', communityName: '社区甲' }],
      compoundsRatedFail: [{ compoundName: '甲小区', communityName: '社区甲', quarter: '2026-Q3' }],
    });
    // September: the school's safety lesson, no shortfall for it; nothing assessed yet.
    const september = await buildMonthlyReport(db.pool, { streetId: STREET.id, streetName: STREET.name, communities }, '2026-09');
    expect(september.basics).toMatchObject({ unitsTakingPart: 1, activities: 1, staffTakingPart: 5, residentsTakingPart: 20, themes: [] });
    expect(september.shortfalls.unitsWithoutActivity).toEqual([{ organisationName: '区人民医院', communityName: '社区甲' }]);
    expect(september.shortfalls.compoundsRatedFail).toEqual([]);
  });
});
