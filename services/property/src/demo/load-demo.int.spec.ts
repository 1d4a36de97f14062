import { DEMO_PROPERTY_COMPANIES, MAIN_DEMO_COMMUNITY, demoId } from '@cogov/service-kit';
import { startPropertyApp, type PropertyTestApp } from '../../test/property-test-app.js';
import { loadDemo, type DemoLoadSummary } from './demo-loader.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const SCALE = { workOrdersPer100Units: 3 };
const COMMUNITY = MAIN_DEMO_COMMUNITY.id;

type Compound = { id: string; name: string; occupiedUnitCount: number; redProperty: boolean; contract: { companyName: string; startsOn: string }; latestAssessment: { quarter: string; rating: string } };

describe('property demo loader (small scale)', () => {
  let t: PropertyTestApp;
  let first: DemoLoadSummary;
  let staff: string;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startPropertyApp('property_load_demo');
    first = await loadDemo(t.app, { scale: SCALE, now: NOW, log: (line) => lines.push(line) });
    await t.catchUp();
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it("registers the main community's compounds under its property company's contracts, some of them red property", async () => {
    const res = await t.graphql<{ compoundsOfCommunity: Compound[] }>(
      staff,
      `query ($c: ID!) { compoundsOfCommunity(communityId: $c) { id name occupiedUnitCount redProperty contract { companyName startsOn } latestAssessment { quarter rating } } }`,
      { c: COMMUNITY },
    );
    const compounds = res.data!.compoundsOfCommunity;
    expect(compounds.map((c) => c.name).sort()).toEqual([...MAIN_DEMO_COMMUNITY.compounds].sort());
    expect(compounds.map((c) => c.id)).toContain(demoId('compound', `${MAIN_DEMO_COMMUNITY.key}:幸福小区`));
    for (const compound of compounds) {
      expect(compound.contract.companyName).toBe(DEMO_PROPERTY_COMPANIES[MAIN_DEMO_COMMUNITY.key]!.name);
      expect(compound.contract.startsOn < '2025-11-21').toBe(true);
      expect(compound.occupiedUnitCount).toBeGreaterThan(0);
      expect(compound.latestAssessment.quarter).toBe('2026-Q3');
    }
    expect(compounds.filter((c) => c.redProperty).length).toBeGreaterThan(0);
    expect(compounds.filter((c) => !c.redProperty).length).toBeGreaterThan(0);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^compounds 4\/4 \(\d+ commands, [\d.]+ s\)$/)]));
  });

  it('concludes both quarters, a failing rating among them, and keeps work orders of every category in several states', async () => {
    const { rows: ratings } = await t.db.pool.query<{ quarter: string; rating: string }>(`select quarter, rating from assessment_register where status = 'concluded'`);
    expect(ratings).toHaveLength(8);
    expect(new Set(ratings.map((r) => r.quarter))).toEqual(new Set(['2026-Q2', '2026-Q3']));
    expect(ratings.map((r) => r.rating)).toContain('fail');
    const { rows } = await t.db.pool.query<{ category: string; status: string }>(`select distinct category, status from work_order_board where appeal_id is null`);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['repair', 'cleaning', 'parking', 'safety']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['assigned', 'completed', 'verified']));
  });

  it("shows 光明里's owners' committee filed after an election that failed the 2/3 turnout, and counts it for the community", async () => {
    const compoundId = demoId('compound', `${MAIN_DEMO_COMMUNITY.key}:光明里`);
    const res = await t.graphql<{ ownersCommittee: { status: string; memberIds: string[]; filingNumber: string; elections: { electionResult: { outcome: string; turnout: { met: boolean }; elected: string[] } }[] } }>(
      staff,
      `query ($c: ID!) { ownersCommittee(compoundId: $c) { status memberIds filingNumber elections { electionResult { outcome turnout { met } elected } } } }`,
      { c: compoundId },
    );
    const committee = res.data!.ownersCommittee;
    expect(committee).toMatchObject({ status: 'filed', filingNumber: expect.stringMatching(/^朝业备〔2026〕\d+号$/) });
    expect(committee.elections.map((e) => e.electionResult.outcome)).toEqual(['invalid_turnout', 'elected']);
    expect(committee.elections[0]!.electionResult.turnout.met).toBe(false);
    expect(committee.memberIds).toEqual([...committee.elections[1]!.electionResult.elected].sort());
    const facts = await t.graphql<{ _entities: { compoundsWithOwnersCommittee: number }[] }>(
      staff,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { compoundsWithOwnersCommittee } } }`,
      { r: [{ __typename: 'Community', id: COMMUNITY }] },
    );
    expect(facts.data?._entities[0]?.compoundsWithOwnersCommittee).toBe(1);
  });

  it('appends no event on a second run', async () => {
    const second = await loadDemo(t.app, { scale: SCALE, now: NOW });
    expect(second).toMatchObject({ commandsRun: 0, commandsSkipped: first.commandsRun, eventsAppended: 0, aggregates: first.aggregates });
    expect(first.eventsAppended).toBe(first.commandsRun);
  }, 60_000);
});
