import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const RECORD = `mutation ($i: RecordPartyActivityHeldInput!) {
  recordPartyActivityHeld(input: $i) { id communityId organisationId kind title heldOn participantCount registeredMemberCount }
}`;
const ACTIVITIES = `query ($c: ID!, $m: String!) { partyActivities(communityId: $c, month: $m) { title heldOn } }`;

describe('recordPartyActivityHeld', () => {
  let b: TestBed;
  let organisationId: string;
  const activity = (overrides: Record<string, unknown> = {}) => ({
    communityId: b.communityId,
    organisationId,
    kind: 'theme_party_day',
    title: '主题党日：尊师重教',
    heldOn: '2026-09-10',
    participantCount: 40,
    registeredMemberCount: 12,
    ...overrides,
  });
  beforeAll(async () => {
    b = await startTestBed('record_party_activity');
    organisationId = await b.establishOrganisation();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records activities and lists them by month', async () => {
    const { recordPartyActivityHeld } = await b.ok<{ recordPartyActivityHeld: { id: string } }>(b.staff, RECORD, { i: activity() });
    expect(recordPartyActivityHeld).toMatchObject({ ...activity(), id: expect.any(String) });
    await b.ok(b.staff, RECORD, { i: activity({ title: '学习会', kind: 'study_session', heldOn: '2026-09-30' }) });
    await b.ok(b.staff, RECORD, { i: activity({ title: '十月志愿服务', kind: 'volunteer_service', heldOn: '2026-10-01' }) });

    const september = await b.ok<{ partyActivities: unknown[] }>(b.analyst, ACTIVITIES, { c: b.communityId, m: '2026-09' });
    expect(september.partyActivities).toEqual([
      { title: '主题党日：尊师重教', heldOn: '2026-09-10' },
      { title: '学习会', heldOn: '2026-09-30' },
    ]);
  });

  it('refuses an activity in the future (CONFLICT) and an organisation of another community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: activity({ heldOn: '2099-01-01' }) }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: activity({ organisationId: UNKNOWN_ID }) })).code).toBe('NOT_FOUND');
    const elsewhere = randomUUID();
    const staffOfBoth = await b.t.token({ roles: ['community_staff'], communityIds: [b.communityId, elsewhere] });
    const res = await b.t.graphql(staffOfBoth, RECORD, { i: activity({ communityId: elsewhere }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
  });

  it.each([
    [{ communityId: 'x' }, 'input.communityId'],
    [{ organisationId: 'x' }, 'input.organisationId'],
    [{ kind: 'party' }, 'input.kind'],
    [{ title: '' }, 'input.title'],
    [{ heldOn: '10/09/2026' }, 'input.heldOn'],
    [{ participantCount: 0 }, 'input.participantCount'],
    [{ registeredMemberCount: 41 }, 'input.registeredMemberCount'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: activity(override) }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a community outside the jurisdiction, and a malformed month', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, RECORD, { i: activity() })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, ACTIVITIES, { c: b.communityId, m: '2026-09' })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.staff, ACTIVITIES, { c: b.communityId, m: '2026-13' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
