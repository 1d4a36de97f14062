import { eventsTopic } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { startSuite, type Suite } from './suite.js';
import { ok, redeliver, storedEvents, waitUntilConsumed } from './workflow-test-kit.js';

const OPPORTUNITY = `id status sourceKind sourceId teamId title place capacity signUps { volunteerId stage minutesPresent servedMinutes }`;

/**
 * Workflow 2 across the real broker: a help request dispatched to a volunteer team ─AppealDispatched→ volunteers
 * publishes a service opportunity; volunteers come, their hours are verified, the opportunity is completed
 * ─ServiceOpportunityCompleted→ residents resolves the appeal, awaiting the return visit.
 */
describe('workflow 2: a help request dispatched to a volunteer team', () => {
  let suite: Suite;
  let communityId: string;
  let staff: string;
  let teamId: string;
  const volunteerIds: string[] = [];
  const residents = () => suite.service('residents');
  const volunteers = () => suite.service('volunteers');
  const group = () => `${suite.prefix}.cogov.volunteers.help-request-opportunities`;

  async function dispatchedHelpRequest(location: string, category = 'welfare.assistance'): Promise<string> {
    const { fileAppeal } = await ok<{ fileAppeal: { id: string } }>(residents(), staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, {
      i: { communityId, channel: 'visit', category, description: '独居老人行动不便，需要有人帮忙买菜', location },
    });
    await ok(residents(), staff, `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id } }`, { a: fileAppeal.id });
    await ok(residents(), staff, `mutation ($a: ID!, $t: ID!) { dispatchAppeal(input: { appealId: $a, stakeholder: { kind: "volunteer_team", id: $t } }) { id } }`, {
      a: fileAppeal.id,
      t: teamId,
    });
    return fileAppeal.id;
  }
  const opportunityOf = async (appealId: string) => {
    const { rows } = await volunteers().db.pool.query<{ opportunity_id: string | null; outcome: string }>(
      'select opportunity_id, outcome from wf_help_request_opportunities where appeal_id = $1',
      [appealId],
    );
    return rows;
  };
  const appeal = async (appealId: string) =>
    (await ok<{ appeal: { status: string; resolution: string | null } }>(residents(), staff, `query ($a: ID!) { appeal(id: $a) { status resolution } }`, { a: appealId })).appeal;

  beforeAll(async () => {
    suite = await startSuite('wf_help_request', ['residents', 'volunteers']);
    const admin = await suite.token({ roles: ['street_admin'], streetIds: ['street-e2e'] });
    const { registerCommunity } = await ok<{ registerCommunity: { id: string } }>(
      residents(),
      admin,
      `mutation { registerCommunity(input: { name: "和平里社区", streetId: "street-e2e", streetName: "朝阳街道" }) { id } }`,
    );
    communityId = registerCommunity.id;
    staff = await suite.token({ roles: ['community_staff'], communityIds: [communityId] });
    const { formVolunteerTeam } = await ok<{ formVolunteerTeam: { id: string } }>(volunteers(), staff, `mutation ($i: FormVolunteerTeamInput!) { formVolunteerTeam(input: $i) { id } }`, {
      i: { communityId, name: '和平里助老志愿服务队', category: 'elder_care' },
    });
    teamId = formVolunteerTeam.id;
    for (const [n, name] of ['欧阳明月', '司马光'].entries()) {
      const { registerVolunteer } = await ok<{ registerVolunteer: { id: string } }>(volunteers(), staff, `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }`, {
        i: { communityId, linkedTo: { kind: 'resident', id: `0190a000-0000-7000-8000-00000000010${n}` }, name, phone: `1391234567${n}`, idNumber: '11010519491231002X', skills: ['助老'] },
      });
      volunteerIds.push(registerVolunteer.id);
    }
  }, 120_000);
  afterAll(async () => {
    await suite?.close();
  }, 60_000);

  it('publishes one opportunity for the team, once however often the dispatch arrives, and resolves the appeal when it is completed', async () => {
    const appealId = await dispatchedHelpRequest('和平里东区3号楼1单元');
    const [row] = await eventually(async () => {
      const rows = await opportunityOf(appealId);
      return rows.length > 0 && rows;
    }, { what: 'the opportunity published for the help request', timeoutMs: 30_000 });
    expect(row!.outcome).toBe('published');
    const o = row!.opportunity_id!;
    // The workflow's row commits with its inbox; the opportunity board follows the event store a moment later.
    const opportunity = await eventually(
      async () => (await volunteers().graphql<{ opportunity: Record<string, unknown> }>(staff, `query ($o: ID!) { opportunity(id: $o) { ${OPPORTUNITY} } }`, { o })).data?.opportunity,
      { what: 'the opportunity on the board', timeoutMs: 30_000 },
    );
    expect(opportunity).toMatchObject({ status: 'published', sourceKind: 'appeal', sourceId: appealId, teamId, title: '上门帮扶：生活帮扶', place: '和平里东区3号楼1单元', capacity: 2 });

    // The residents relay publishing the dispatch twice more.
    const dispatched = (await storedEvents(residents().db.pool, 'AppealDispatched')).filter((e) => e.data.appealId === appealId);
    await redeliver('residents', suite.prefix, [...dispatched, ...dispatched]);
    await waitUntilConsumed(group(), eventsTopic('residents', suite.prefix));
    expect((await storedEvents(volunteers().db.pool, 'ServiceOpportunityPublished')).filter((e) => (e.data.source as { id: string }).id === appealId)).toHaveLength(1);

    // Two volunteers go; one signs the sheet 50 minutes ago and serves 45 minutes, the other never comes.
    const [v1, v2] = volunteerIds as [string, string];
    for (const v of [v1, v2]) await ok(volunteers(), staff, `mutation ($o: ID!, $v: ID!) { signUpForOpportunity(input: { opportunityId: $o, volunteerId: $v }) { id } }`, { o, v });
    const sheet = new Date(Date.now() - 50 * 60_000).toISOString();
    await ok(volunteers(), staff, `mutation ($o: ID!, $v: ID!, $at: String) { checkInVolunteer(input: { opportunityId: $o, volunteerId: $v, checkedInAt: $at }) { id } }`, { o, v: v1, at: sheet });
    await ok(volunteers(), staff, `mutation ($o: ID!, $v: ID!) { checkOutVolunteer(input: { opportunityId: $o, volunteerId: $v }) { id } }`, { o, v: v1 });
    await ok(volunteers(), staff, `mutation ($o: ID!, $v: ID!) { verifyServiceHours(input: { opportunityId: $o, volunteerId: $v, servedMinutes: 45 }) { id } }`, { o, v: v1 });
    // Verified service alone does not resolve the appeal: the opportunity is completed first.
    expect((await appeal(appealId)).status).toBe('dispatched');
    const { completeServiceOpportunity } = await ok<{ completeServiceOpportunity: { status: string } }>(
      volunteers(),
      staff,
      `mutation ($o: ID!) { completeServiceOpportunity(input: { opportunityId: $o }) { status } }`,
      { o },
    );
    expect(completeServiceOpportunity.status).toBe('completed');
    const resolved = await eventually(async () => {
      const current = await appeal(appealId);
      return current.status === 'resolved' && current;
    }, { what: 'the appeal resolved by the completed opportunity', timeoutMs: 30_000 });
    expect(resolved.resolution).toBe('志愿服务已完成：1 名志愿者上门服务，共 45 分钟');
    // The whole case shares the appeal's correlation id, across both services.
    const [filed] = (await storedEvents(residents().db.pool, 'AppealFiled')).filter((e) => e.data.appealId === appealId);
    const [published] = (await storedEvents(volunteers().db.pool, 'ServiceOpportunityPublished')).filter((e) => (e.data.source as { id: string }).id === appealId);
    const [resolvedEvent] = (await storedEvents(residents().db.pool, 'AppealResolved')).filter((e) => e.data.appealId === appealId);
    expect(published!.metadata.correlationId).toBe(filed!.metadata.correlationId);
    expect(resolvedEvent!.metadata).toMatchObject({ correlationId: filed!.metadata.correlationId, actor: 'system:workflow:volunteer-help-outcomes' });
  }, 120_000);

  it('publishes exactly once when volunteers crashes right after the dispatch, and ignores appeals that are not help requests', async () => {
    const consultation = await dispatchedHelpRequest('和平里西区1号楼', 'community.consultation');
    const appealId = await dispatchedHelpRequest('和平里西区5号楼');
    await volunteers().kill();
    await volunteers().start();
    await eventually(async () => (await opportunityOf(appealId)).length === 1, { what: 'the opportunity after the restart', timeoutMs: 30_000 });
    await waitUntilConsumed(group(), eventsTopic('residents', suite.prefix));
    expect((await storedEvents(volunteers().db.pool, 'ServiceOpportunityPublished')).filter((e) => (e.data.source as { id: string }).id === appealId)).toHaveLength(1);
    expect(await opportunityOf(consultation)).toEqual([]);
  }, 120_000);
});
