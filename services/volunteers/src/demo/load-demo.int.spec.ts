import { DEMO_STATIONED_UNITS, MAIN_DEMO_COMMUNITY, demoId, demoPairingVolunteerIds, demoResidentId, demoVolunteerTeamId } from '@cogov/service-kit';
import { startVolunteersTestBed, type VolunteersTestBed } from '../../test/volunteers-fixtures.js';
import { loadDemo, type DemoLoadSummary } from './demo-loader.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const SCALE = { volunteers: 30, opportunities: 10, days: 100 };
const KEY = MAIN_DEMO_COMMUNITY.key;
const COMMUNITY = MAIN_DEMO_COMMUNITY.id;

interface Volunteer {
  id: string;
  status: string;
  name: string;
  linkedTo: { kind: string; id: string };
  teamIds: string[];
  trainings: { course: string }[];
}

describe('volunteers demo loader (main community, small scale)', () => {
  let b: VolunteersTestBed;
  let first: DemoLoadSummary;
  let staff: string;

  beforeAll(async () => {
    b = await startVolunteersTestBed('volunteers_load_demo');
    first = await loadDemo(b.t.app, { scale: SCALE, now: NOW });
    await b.t.catchUp();
    staff = await b.t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers the volunteers under their shared ids, linked to residents or to the staff of stationed units, in teams, some trained', async () => {
    const { volunteersOfCommunity: volunteers } = await b.ok<{ volunteersOfCommunity: Volunteer[] }>(
      staff,
      `query ($c: ID!) { volunteersOfCommunity(communityId: $c, first: 100) { id status name linkedTo { kind id } teamIds trainings { course } } }`,
      { c: COMMUNITY },
    );
    expect(volunteers).toHaveLength(SCALE.volunteers);
    const ids = new Set(volunteers.map((v) => v.id));
    for (const id of demoPairingVolunteerIds(KEY)) expect(ids.has(id)).toBe(true);
    const residents = new Set(Array.from({ length: MAIN_DEMO_COMMUNITY.residents }, (_, n) => demoResidentId(KEY, n)));
    const units = new Set(DEMO_STATIONED_UNITS.filter((u) => u.communityKey === KEY).map((u) => u.id));
    for (const { linkedTo } of volunteers) {
      expect(linkedTo.kind === 'resident' ? residents.has(linkedTo.id) : linkedTo.kind === 'organisation_staff' && units.has(linkedTo.id)).toBe(true);
    }
    expect(volunteers.some((v) => v.linkedTo.kind === 'organisation_staff')).toBe(true);
    expect(volunteers.every((v) => v.name.length >= 2 && v.teamIds.length >= 1)).toBe(true);
    expect(volunteers.some((v) => v.trainings.length > 0)).toBe(true);
    expect(volunteers.filter((v) => v.status === 'active')).toHaveLength(SCALE.volunteers);
    const { rows } = await b.t.db.pool.query<{ n: number }>(`select count(*)::int as n from es_events where event_type in ('VolunteerSuspended', 'VolunteerReinstated')`);
    expect(rows[0]!.n).toBe(2);
  });

  it('forms the elder-care team under its shared id with members, and no party-member vanguard team', async () => {
    const { team } = await b.ok<{ team: { category: string; memberIds: string[] } }>(staff, `query ($id: ID!) { team(id: $id) { category memberIds } }`, {
      id: demoVolunteerTeamId(KEY, 'elder_care'),
    });
    expect(team.category).toBe('elder_care');
    expect(team.memberIds.length).toBeGreaterThan(3);
    const { rows } = await b.t.db.pool.query<{ category: string }>(`select data->>'category' as category from es_events where event_type = 'VolunteerTeamFormed'`);
    expect(rows.map((r) => r.category)).not.toContain('party_member_vanguard');
  });

  it('runs opportunities through sign-up, check-in, check-out, verification and completion, and enters the verified hours in the ledgers, some late', async () => {
    const { opportunity } = await b.ok<{ opportunity: { status: string; capacity: number; signUps: { stage: string; minutesPresent: number | null; servedMinutes: number | null }[] } }>(
      staff,
      `query ($id: ID!) { opportunity(id: $id) { status capacity signUps { stage minutesPresent servedMinutes } } }`,
      { id: demoId('opportunity', `${KEY}:0`) },
    );
    expect(opportunity.signUps.length).toBeGreaterThan(0);
    expect(opportunity.signUps.length).toBeLessThanOrEqual(opportunity.capacity);
    for (const signUp of opportunity.signUps.filter((s) => s.stage === 'verified')) expect(signUp.servedMinutes!).toBeLessThanOrEqual(signUp.minutesPresent!);
    expect(opportunity.signUps.some((s) => s.stage === 'verified')).toBe(true);
    expect(opportunity.status).toBe('completed');

    const { rows: records } = await b.t.db.pool.query<{ volunteer_id: string; late: boolean; source_kind: string }>(`select volunteer_id, late, source_kind from service_records`);
    expect(records.length).toBeGreaterThan(SCALE.volunteers / 2);
    expect(records.filter((r) => r.late).length).toBeGreaterThan(0);
    expect(records.filter((r) => !r.late).length).toBeGreaterThan(records.length / 2);
    const pairing = new Set(demoPairingVolunteerIds(KEY));
    expect(records.some((r) => pairing.has(r.volunteer_id))).toBe(false);

    const busiest = records[0]!.volunteer_id;
    const { hoursLedger } = await b.ok<{ hoursLedger: { totalVerifiedHours: number; starLevel: number; records: unknown[] } }>(
      staff,
      `query ($v: ID!) { hoursLedger(volunteerId: $v) { totalVerifiedHours starLevel records { activity servedOn } } }`,
      { v: busiest },
    );
    expect(hoursLedger.totalVerifiedHours).toBeGreaterThan(0);
    expect(hoursLedger.starLevel).toBe(0);
    expect(hoursLedger.records.length).toBeGreaterThan(0);
  });

  it('issues certificates that the public check accepts', async () => {
    const { rows } = await b.t.db.pool.query<{ code: string }>(`select verification_code as code from service_certificates`);
    expect(rows.length).toBeGreaterThan(0);
    const check = await b.ok<{ verifyServiceCertificate: { valid: boolean; serviceHours: number; issuingCommunityId: string } }>(
      '',
      `query ($code: String!) { verifyServiceCertificate(code: $code) { valid serviceHours issuingCommunityId } }`,
      { code: rows[0]!.code },
    );
    expect(check.verifyServiceCertificate).toMatchObject({ valid: true, issuingCommunityId: COMMUNITY });
    expect(check.verifyServiceCertificate.serviceHours).toBeGreaterThan(0);
  });

  it('back-dates the history and appends no event on a second run, nor on a later run that keeps the first run’s history', async () => {
    const { rows } = await b.t.db.pool.query<{ first: string; last: string }>(`select min(metadata->>'occurredAt') as first, max(metadata->>'occurredAt') as last from es_events`);
    expect(Date.parse(rows[0]!.first)).toBeLessThan(NOW.getTime() - SCALE.days * 24 * 3_600_000);
    expect(Date.parse(rows[0]!.last)).toBeLessThan(NOW.getTime());
    const second = await loadDemo(b.t.app, { scale: SCALE, now: NOW });
    expect(second).toMatchObject({ commandsRun: 0, commandsSkipped: first.commandsRun, eventsAppended: 0 });
    const later = await loadDemo(b.t.app, { scale: SCALE });
    expect(later).toMatchObject({ commandsRun: 0, eventsAppended: 0, now: NOW.toISOString() });
  }, 60_000);
});
