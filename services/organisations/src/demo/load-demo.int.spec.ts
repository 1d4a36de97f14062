import { DEMO_PROPERTY_COMPANIES, DEMO_STATIONED_UNITS, MAIN_DEMO_COMMUNITY, demoId, demoPairingVolunteerIds } from '@cogov/service-kit';
import { startTestBed, type TestBed } from '../../test/organisations-fixtures.js';
import { demoPartnerOrganisation } from './demo-data-set.js';
import { loadDemo, type DemoLoadSummary } from './demo-loader.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const SCALE = { days: 100 };
const COMMUNITY = MAIN_DEMO_COMMUNITY.id;

interface Pairing {
  id: string;
  organisationId: string;
  status: string;
  pledgedFen: number;
  disbursedTotalFen: number;
  activitiesCount: number;
  staffParticipants: number;
  residentParticipants: number;
  themes: { month: string; theme: string }[];
  reviews: { period: string; rating: string }[];
  endReason: string | null;
}

describe('organisations demo loader (main community, 100 days)', () => {
  let b: TestBed;
  let first: DemoLoadSummary;
  let staff: string;
  const lines: string[] = [];

  beforeAll(async () => {
    b = await startTestBed('organisations_load_demo');
    first = await loadDemo(b.t.app, { scale: SCALE, now: NOW, log: (line) => lines.push(line) });
    await b.t.catchUp();
    staff = await b.t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers the property company with its shared id and credit code, the stationed units and the social organisations', async () => {
    const { organisations } = await b.ok<{ organisations: { id: string; type: string; creditCode: string | null; incubationStage: string | null }[] }>(
      staff,
      `query ($c: ID) { organisations(communityId: $c) { id type creditCode incubationStage } }`,
      { c: COMMUNITY },
    );
    const company = DEMO_PROPERTY_COMPANIES[MAIN_DEMO_COMMUNITY.key]!;
    expect(organisations).toContainEqual({ id: company.id, type: 'private_enterprise', creditCode: company.creditCode, incubationStage: null });
    const units = DEMO_STATIONED_UNITS.filter((u) => u.communityKey === MAIN_DEMO_COMMUNITY.key);
    for (const unit of units) expect(organisations).toContainEqual(expect.objectContaining({ id: unit.id, creditCode: unit.creditCode }));
    const social = organisations.filter((o) => o.type === 'social_organisation');
    expect(social.map((o) => o.incubationStage).sort()).toEqual(['incubated', 'registered']);
    expect(organisations).toHaveLength(1 + units.length + social.length);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^pairings \d+\/\d+ \(\d+ commands, [\d.]+ s\)$/)]));
  });

  it('gives every pairing monthly themes, activities with participants and disbursements within the pledge; one pledge raised, one pairing ended, all reviewed', async () => {
    const { pairingsOfCommunity: pairings } = await b.ok<{ pairingsOfCommunity: Pairing[] }>(
      staff,
      `query ($c: ID!) { pairingsOfCommunity(communityId: $c) { id organisationId status pledgedFen disbursedTotalFen activitiesCount staffParticipants residentParticipants themes { month theme } reviews { period rating } endReason } }`,
      { c: COMMUNITY },
    );
    expect(pairings).toHaveLength(4);
    for (const pairing of pairings) {
      expect(pairing.themes.length).toBeGreaterThanOrEqual(3);
      expect(pairing.activitiesCount).toBeGreaterThanOrEqual(3);
      expect(pairing.staffParticipants).toBeGreaterThan(0);
      expect(pairing.residentParticipants).toBeGreaterThan(pairing.staffParticipants);
      expect(pairing.disbursedTotalFen).toBeGreaterThan(0);
      expect(pairing.disbursedTotalFen).toBeLessThanOrEqual(pairing.pledgedFen);
      expect(pairing.reviews).toEqual([expect.objectContaining({ period: '2026-Q3' })]);
    }
    expect(pairings.find((p) => p.themes.some((t) => t.month === '2026-09'))?.themes).toContainEqual({ month: '2026-09', theme: '尊师重教' });
    const school = pairings.find((p) => p.organisationId === demoId('organisation', 'unit:xingfuli-primary-school'))!;
    expect(school.pledgedFen).toBe(800_000);
    expect(pairings.filter((p) => p.status === 'ended').map((p) => p.endReason)).toEqual(['税务所机构调整，迁出本辖区']);
  });

  it('names the community’s pairing volunteers in activities, which carry their month’s theme and are back-dated', async () => {
    const { rows } = await b.t.db.pool.query<{ volunteers: string[]; theme: string | null; occurred: string }>(
      `select data->'volunteerIds' as volunteers, data->>'theme' as theme, metadata->>'occurredAt' as occurred from es_events where event_type = 'PairingActivityHeld'`,
    );
    const pool = new Set(demoPairingVolunteerIds(MAIN_DEMO_COMMUNITY.key));
    expect(rows.every((r) => r.volunteers.every((id) => pool.has(id)))).toBe(true);
    expect(rows.filter((r) => r.volunteers.length > 0).length).toBeGreaterThan(rows.length / 2);
    expect(rows.every((r) => r.theme !== null)).toBe(true);
    expect(Math.min(...rows.map((r) => Date.parse(r.occurred)))).toBeLessThan(NOW.getTime() - 60 * 24 * 3_600_000);
    expect(Math.max(...rows.map((r) => Date.parse(r.occurred)))).toBeLessThan(NOW.getTime());
  });

  it('leaves the power supply company without an activity in the last full month, and every other unit with one', async () => {
    const { rows } = await b.t.db.pool.query<{ organisation_id: string; month: string }>(
      `select distinct data->>'organisationId' as organisation_id, data->>'month' as month from es_events where event_type = 'PairingActivityHeld'`,
    );
    const nowMonth = new Date(NOW.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const last = new Date(Date.UTC(Number(nowMonth.slice(0, 4)), Number(nowMonth.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
    const active = new Set(rows.filter((r) => r.month === last).map((r) => r.organisation_id));
    const power = demoId('organisation', 'unit:chaoyang-power-supply');
    expect(rows.some((r) => r.organisation_id === power)).toBe(true);
    expect(active.has(power)).toBe(false);
    expect(active.size).toBeGreaterThan(0);
  });

  it('offers shared facilities with bookings, one of them cancelled', async () => {
    const { facility } = await b.ok<{ facility: { name: string; bookings: { status: string; startsAt: string }[] } }>(
      staff,
      `query ($id: ID!) { facility(id: $id) { name bookings { status startsAt } } }`,
      { id: demoId('facility', 'unit:xingfuli-primary-school') },
    );
    expect(facility.name).toBe('幸福里小学操场');
    expect(facility.bookings.length).toBeGreaterThanOrEqual(4);
    expect(facility.bookings.filter((x) => x.status === 'cancelled')).toHaveLength(1);
    expect(facility.bookings.some((x) => Date.parse(x.startsAt) > NOW.getTime())).toBe(true);
  });

  it('names as the demo partner (organisations.json) a social organisation it registered in the main community', async () => {
    const partner = demoPartnerOrganisation();
    expect(partner.communityId).toBe(COMMUNITY);
    const { organisation } = await b.ok<{ organisation: { id: string; name: string; type: string; communityId: string } }>(
      staff,
      `query ($id: ID!) { organisation(id: $id) { id name type communityId } }`,
      { id: partner.organisationId },
    );
    expect(organisation).toEqual({ id: partner.organisationId, name: partner.name, type: 'social_organisation', communityId: COMMUNITY });
  });

  it('shows an organisation admin nothing of the organisations’ data, even with the community in its token', async () => {
    const admin = await b.t.token({ roles: ['organisation_admin'], communityIds: [COMMUNITY], subject: 'org-admin-1' });
    const one = await b.t.graphql(admin, `query ($id: ID!) { organisation(id: $id) { id } }`, { id: demoPartnerOrganisation().organisationId });
    expect(one.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await b.ok(admin, `query ($c: ID) { organisations(communityId: $c) { id } }`, { c: COMMUNITY })).toEqual({ organisations: [] });
  });

  it('appends no event on a second run, nor on a later run that keeps the first run’s history', async () => {
    const second = await loadDemo(b.t.app, { scale: SCALE, now: NOW });
    expect(second).toMatchObject({ commandsRun: 0, commandsSkipped: first.commandsRun, eventsAppended: 0 });
    const later = await loadDemo(b.t.app, { scale: SCALE });
    expect(later).toMatchObject({ commandsRun: 0, eventsAppended: 0, now: NOW.toISOString() });
  }, 60_000);
});
