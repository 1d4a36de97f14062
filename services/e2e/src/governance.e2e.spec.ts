/**
 * The co-governance view through the gateway: residents, property and governance as processes, the gateway in
 * front. A mutation through the gateway reaches the scorecard over Kafka; an appeal is followed from residents
 * into property and back; governance killed mid-stream loses and doubles nothing; jurisdiction holds.
 */
import type { Role } from '@cogov/auth';
import { eventually } from '@cogov/testing';
import { givenPropertyCommunity, type PropertyCommunity } from './appeal-fixtures.js';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { startSuite, type ServiceName, type Suite } from './suite.js';
import { ok } from './workflow-test-kit.js';

const SERVICES: ServiceName[] = ['residents', 'property', 'governance'];

describe('the governance view through the gateway', () => {
  let suite: Suite;
  let gateway: GatewayProcess;
  let ground: PropertyCommunity;
  let analyst: string;
  const companyId = 'c0a80000-0000-5000-8000-00000000c0f1';
  const token = (roles: Role[], jurisdiction: { communityIds?: string[]; streetIds?: string[] }) => suite.token({ roles, ...jurisdiction });

  async function data<T>(bearer: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const answer = await gateway.graphql<T>(bearer, query, variables);
    if (answer.errors || !answer.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  const SCORECARD = `query ($id: ID!) { community(id: $id) { name scorecard { appeals { filed resolved } property { compounds } } } }`;
  type Scorecard = { community: { name: string; scorecard: { appeals: { filed: number; resolved: number }; property: { compounds: number } } } };
  const scorecard = async () => (await data<Scorecard>(analyst, SCORECARD, { id: ground.communityId })).community;

  async function fileAppeal(location: string): Promise<string> {
    const { fileAppeal: filed } = await data<{ fileAppeal: { id: string } }>(ground.staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, {
      i: { communityId: ground.communityId, channel: 'app', category: 'property.repair', description: '楼道灯坏了', location },
    });
    return filed.id;
  }

  beforeAll(async () => {
    suite = await startSuite('governance_gw', SERVICES);
    gateway = await startGatewayProcess(suite, SERVICES, { JWT_JWKS_PATH: suite.jwksPath });
    ground = await givenPropertyCommunity(suite, companyId);
    analyst = await token(['agency_analyst'], { streetIds: ['street-e2e'] });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await suite?.close();
  }, 60_000);

  it('joins the scorecard to the residents’ community, and a mutation through the gateway reaches it', async () => {
    const before = await eventually(async () => {
      const community = await scorecard().catch(() => undefined);
      return community?.scorecard.property.compounds === 1 && community;
    }, { what: 'the compound in the governance view', timeoutMs: 30_000 });
    expect(before).toEqual({ name: '幸福里社区', scorecard: { appeals: { filed: 0, resolved: 0 }, property: { compounds: 1 } } });
    await fileAppeal('3号楼');
    const after = await eventually(async () => {
      const community = await scorecard();
      return community.scorecard.appeals.filed === 1 && community;
    }, { what: 'the appeal filed through the gateway in the scorecard', timeoutMs: 30_000 });
    expect(after.scorecard.appeals).toEqual({ filed: 1, resolved: 0 });
  }, 90_000);

  it('follows an appeal from residents into property and back, in order', async () => {
    const appealId = await ground.dispatchedAppeal('5号楼');
    const [order] = await eventually(async () => {
      const orders = await ground.workOrdersOf(appealId);
      return orders.length > 0 && orders;
    }, { what: 'the work order of the appeal', timeoutMs: 30_000 });
    await ok(suite.service('property'), ground.staff, `mutation ($w: ID!) { assignWorkOrder(input: { workOrderId: $w, assigneeId: "worker-3" }) { id } }`, { w: order!.id });
    await ok(suite.service('property'), ground.staff, `mutation ($w: ID!) { completeWorkOrder(input: { workOrderId: $w, completionNote: "已清理" }) { id } }`, { w: order!.id });
    const TIMELINE = `query ($a: ID!) { caseTimeline(appealId: $a) { entries { context event actor } } }`;
    const timeline = await eventually(async () => {
      const answer = await gateway.graphql<{ caseTimeline: { entries: { context: string; event: string; actor: string }[] } }>(analyst, TIMELINE, { a: appealId });
      const entries = answer.data?.caseTimeline.entries ?? [];
      return entries.some((e) => e.event === 'appeal-resolved') && entries;
    }, { what: 'the resolved appeal in the case timeline', timeoutMs: 40_000 });
    expect(timeline.map((e) => `${e.context}/${e.event}`)).toEqual([
      'residents/appeal-filed',
      'residents/appeal-accepted',
      'residents/appeal-dispatched',
      'property/work-order-opened',
      'property/work-order-assigned',
      'property/work-order-completed',
      'residents/appeal-resolved',
    ]);
    expect(timeline[3]!.actor).toBe('system:workflow:appeal-work-orders');
    expect(timeline[6]!.actor).toBe('system:workflow:work-order-outcomes');
  }, 120_000);

  it('loses and doubles nothing when governance is killed mid-stream and restarted', async () => {
    const { filed } = (await scorecard()).scorecard.appeals;
    await suite.service('governance').kill();
    let appeals: string[];
    try {
      appeals = [await fileAppeal('7号楼'), await fileAppeal('8号楼'), await fileAppeal('9号楼')];
    } finally {
      await suite.service('governance').start();
    }
    const after = await eventually(async () => {
      const community = await scorecard();
      return community.scorecard.appeals.filed === filed + 3 && community;
    }, { what: 'the appeals filed while governance was down', timeoutMs: 40_000 });
    expect(after.scorecard.appeals.filed).toBe(filed + 3);
    const { rows } = await suite.service('governance').db.pool.query<{ n: number }>(
      `select count(*)::int as n from gov_fact where kind = 'appeal.filed' and subject_id = any($1::text[])`,
      [appeals],
    );
    expect(rows[0]!.n).toBe(3);
  }, 120_000);

  it('shows an agency only its jurisdiction', async () => {
    const elsewhere = await token(['agency_analyst'], { streetIds: ['street-elsewhere'] });
    const refused = await gateway.graphql(elsewhere, `query ($id: ID!) { communityScorecard(communityId: $id) { communityName } }`, { id: ground.communityId });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const street = await gateway.graphql(elsewhere, `{ streetScorecard(streetId: "street-e2e") { streetName } }`);
    expect(street.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const own = await data<{ streetScorecard: { streetName: string; communities: { communityName: string }[] } }>(
      analyst,
      `{ streetScorecard(streetId: "street-e2e") { streetName communities { communityName } } }`,
    );
    expect(own.streetScorecard).toEqual({ streetName: '朝阳街道', communities: [{ communityName: '幸福里社区' }] });
  }, 60_000);
});
