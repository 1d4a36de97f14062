import { errorOf, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const JOIN = `mutation ($v: ID!, $t: ID!) { joinVolunteerTeam(input: { volunteerId: $v, teamId: $t }) { id teamIds } }`;

describe('joinVolunteerTeam and formVolunteerTeam', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('join_volunteer_team');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('forms a team, joins a volunteer to it (quietly the second time), and shows the member on the team', async () => {
    const teamId = await b.formTeam();
    const volunteerId = await b.registerVolunteer();
    expect((await b.ok<{ joinVolunteerTeam: unknown }>(b.staff, JOIN, { v: volunteerId, t: teamId })).joinVolunteerTeam).toEqual({ id: volunteerId, teamIds: [teamId] });
    expect((await b.ok<{ joinVolunteerTeam: unknown }>(b.staff, JOIN, { v: volunteerId, t: teamId })).joinVolunteerTeam).toEqual({ id: volunteerId, teamIds: [teamId] });
    const team = await b.ok<{ team: unknown }>(b.staff, `query ($t: ID!) { team(id: $t) { id name category status memberIds } }`, { t: teamId });
    expect(team.team).toEqual({ id: teamId, name: '法律服务队', category: 'judicial', status: 'formed', memberIds: [volunteerId] });
  });

  it('rejects a malformed id and an unknown category as BAD_USER_INPUT naming the field', async () => {
    expect(errorOf(await b.t.graphql(b.staff, JOIN, { v: 'nope', t: UNKNOWN_ID }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerId' });
    const form = await b.t.graphql(b.staff, `mutation ($c: ID!) { formVolunteerTeam(input: { communityId: $c, name: "队", category: "music" }) { id } }`, { c: b.communityId });
    expect(errorOf(form)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.category' });
  });

  it('answers NOT_FOUND for an unknown team or volunteer, FORBIDDEN outside the jurisdiction', async () => {
    const volunteerId = await b.registerVolunteer();
    const teamId = await b.formTeam();
    expect(errorOf(await b.t.graphql(b.staff, JOIN, { v: volunteerId, t: UNKNOWN_ID })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.staff, JOIN, { v: UNKNOWN_ID, t: teamId })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, JOIN, { v: volunteerId, t: teamId })).code).toBe('FORBIDDEN');
    const form = await b.t.graphql(b.outsider, `mutation ($c: ID!) { formVolunteerTeam(input: { communityId: $c, name: "队", category: "other" }) { id } }`, { c: b.communityId });
    expect(errorOf(form).code).toBe('FORBIDDEN');
  });
});
