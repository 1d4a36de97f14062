import { DEMO_PROPERTY_COMPANIES, DEMO_STATIONED_UNITS, MAIN_DEMO_COMMUNITY, demoHouseholdId, demoPropertyPartyBranchId } from '@cogov/service-kit';
import { startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../app.module.js';
import { loadConfig, type PartyBuildingConfig } from '../infrastructure/config.js';
import { generalBranchIdOf } from './demo-data-set.js';
import { loadDemo, type DemoLoadSummary } from './demo-loader.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const SCALE = { members: 12, householdsPerMember: 3 };
const COMMUNITY = MAIN_DEMO_COMMUNITY.id;
const KEY = MAIN_DEMO_COMMUNITY.key;

describe('party-building demo loader (small scale)', () => {
  let t: ServiceTestApp<PartyBuildingConfig>;
  let first: DemoLoadSummary;
  let staff: string;
  const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(staff, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    t = await startServiceApp({ hint: 'party_building_load_demo', loadConfig, module: (config) => AppModule.forRoot(config) });
    first = await loadDemo(t.app, { scale: SCALE, now: NOW });
    await t.catchUp();
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('sets up the general branch with its first secretary, cadres of the paired units, the centre and a station per compound', async () => {
    type Organisation = { name: string; firstSecretary: { name: string; sendingUnitId: string } | null; cadres: { pairedUnitId: string }[]; serviceCentres: { kind: string }[] };
    const { partyOrganisation } = await ok<{ partyOrganisation: Organisation }>(
      `query ($id: ID!) { partyOrganisation(id: $id) { name firstSecretary { name sendingUnitId } cadres { pairedUnitId } serviceCentres { kind } } }`,
      { id: generalBranchIdOf(KEY) },
    );
    const paired = DEMO_STATIONED_UNITS.filter((unit) => unit.communityKey === KEY).map((unit) => unit.id);
    expect(partyOrganisation.name).toBe('幸福里社区党总支');
    expect(partyOrganisation.firstSecretary?.sendingUnitId).toBe(paired[0]);
    expect(partyOrganisation.firstSecretary?.name.length).toBeGreaterThanOrEqual(2);
    expect(partyOrganisation.cadres.map((c) => c.pairedUnitId).sort()).toEqual([...paired].sort());
    expect(partyOrganisation.serviceCentres.map((c) => c.kind).sort()).toEqual(['centre', ...MAIN_DEMO_COMMUNITY.compounds.map(() => 'station')]);
    const { partyOrganisation: company } = await ok<{ partyOrganisation: { kind: string; hostUnitId: string } }>(
      `query ($id: ID!) { partyOrganisation(id: $id) { kind hostUnitId } }`,
      { id: demoPropertyPartyBranchId(KEY) },
    );
    expect(company).toEqual({ kind: 'branch', hostUnitId: DEMO_PROPERTY_COMPANIES[KEY]!.id });
  });

  it('registers the members at their households, one of them since moved away', async () => {
    const { partyMembersOfCommunity } = await ok<{ partyMembersOfCommunity: { householdId: string; status: string }[] }>(
      `query ($c: ID!) { partyMembersOfCommunity(communityId: $c) { householdId status } }`,
      { c: COMMUNITY },
    );
    expect(partyMembersOfCommunity).toHaveLength(SCALE.members - 1);
    const households = new Set(Array.from({ length: MAIN_DEMO_COMMUNITY.households }, (_, n) => demoHouseholdId(KEY, n)));
    expect(partyMembersOfCommunity.every((m) => m.status === 'registered' && households.has(m.householdId))).toBe(true);
  });

  it('assigns households to members and records their visits over the months', async () => {
    const { householdContacts } = await ok<{ householdContacts: { householdId: string; memberId: string; lastVisitOn: string; visitCount: number }[] }>(
      `query ($c: ID!) { householdContacts(communityId: $c) { householdId memberId lastVisitOn visitCount } }`,
      { c: COMMUNITY },
    );
    expect(householdContacts).toHaveLength((SCALE.members - 1) * SCALE.householdsPerMember);
    expect(householdContacts.every((h) => h.visitCount >= 3 && h.lastVisitOn >= '2026-09-15' && h.lastVisitOn < '2026-11-21')).toBe(true);
    const { rows } = await t.db.pool.query<{ months: number }>(
      `select count(distinct left(data->>'visitedOn', 7))::int as months from es_events where event_type = 'HouseholdContactVisitRecorded'`,
    );
    expect(rows[0]!.months).toBeGreaterThanOrEqual(5);
  });

  it('holds activities every month and sums them up on the federated Community', async () => {
    const { partyActivities } = await ok<{ partyActivities: { kind: string; registeredMemberCount: number; participantCount: number }[] }>(
      `query ($c: ID!) { partyActivities(communityId: $c, month: "2026-09") { kind participantCount registeredMemberCount } }`,
      { c: COMMUNITY },
    );
    expect(partyActivities).toHaveLength(3);
    expect(partyActivities.map((a) => a.kind)).toContain('theme_party_day');
    expect(partyActivities.every((a) => a.registeredMemberCount <= a.participantCount)).toBe(true);
    const facts = await ok<{ _entities: { partyMembersRegistered: number; householdsWithContactMember: number; partyActivitiesHeld: number }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { partyMembersRegistered householdsWithContactMember partyActivitiesHeld } } }`,
      { r: [{ __typename: 'Community', id: COMMUNITY }] },
    );
    expect(facts._entities[0]).toEqual({
      partyMembersRegistered: SCALE.members - 1,
      householdsWithContactMember: (SCALE.members - 1) * SCALE.householdsPerMember,
      partyActivitiesHeld: expect.any(Number),
    });
    expect(facts._entities[0]!.partyActivitiesHeld).toBeGreaterThanOrEqual(16);
  });

  it('appends no event on a second run', async () => {
    const second = await loadDemo(t.app, { scale: SCALE, now: NOW });
    expect(second).toMatchObject({ commandsRun: 0, commandsSkipped: first.commandsRun, eventsAppended: 0 });
    expect(first.eventsAppended).toBe(first.commandsRun);
  }, 60_000);
});
