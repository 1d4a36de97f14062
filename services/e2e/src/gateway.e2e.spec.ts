/**
 * One API over the five subgraphs: the built services and the built gateway as processes. The gateway
 * authenticates and forwards the caller's token; each subgraph authorises the fields it owns.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevKeys, mintToken, type DevKeys, type Role } from '@cogov/auth';
import { eventually } from '@cogov/testing';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { startSuite, type ServiceName, type Suite } from './suite.js';

const ALL: ServiceName[] = ['residents', 'organisations', 'volunteers', 'property', 'party-building'];

let keys: DevKeys;
let suite: Suite;
let gateway: GatewayProcess;

const token = (roles: Role[], jurisdiction: { communityIds?: string[]; streetIds?: string[] }, subject = 'gateway-e2e'): Promise<string> =>
  mintToken(keys.privateKey, { subject, roles, jurisdiction, clientId: 'gateway-e2e' }, '30m', keys.kid);

async function data<T>(bearer: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await gateway.graphql<T>(bearer, query, variables);
  if (answer.errors || !answer.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

beforeAll(async () => {
  // One key pair for the subgraphs and the gateway alike (the suite's own tokens are not used here).
  keys = await ensureDevKeys(path.join(mkdtempSync(path.join(tmpdir(), 'cogov-gateway-e2e-')), 'keys'));
  suite = await startSuite('gateway', ALL, { JWT_JWKS_PATH: keys.jwksPath });
  gateway = await startGatewayProcess(suite, ALL, { JWT_JWKS_PATH: keys.jwksPath });
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await suite?.close();
});

describe('the gateway over the five subgraphs', () => {
  it('lets an agency see its community, joined across subgraphs through Community; another community gets FORBIDDEN', async () => {
    const admin = await token(['street_admin'], { streetIds: ['street-gw'] });
    // Mutations go through the gateway too, each to the subgraph that owns it.
    const { registerCommunity } = await data<{ registerCommunity: { id: string } }>(
      admin,
      'mutation { registerCommunity(input: { name: "幸福里社区", streetId: "street-gw", streetName: "朝阳街道" }) { id } }',
    );
    const communityId = registerCommunity.id;
    const staff = await token(['community_staff'], { communityIds: [communityId] });
    await data(staff, 'mutation ($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }', {
      i: { communityId, name: '幸福小区', enclosure: 'closed', unitCount: 120, floorAreaHundredthM2: 1_200_000 },
    });

    const analyst = await token(['agency_analyst'], { communityIds: [communityId] }, 'analyst');
    const joined = `query ($id: ID!) {
      community(id: $id) { id name streetName householdsCount compounds { name unitCount } volunteersRegistered partyMembersRegistered pairings { id } }
    }`;
    // The other contexts learn the community from the residents' events (Kafka): eventually consistent.
    const seen = await eventually(
      async () => {
        const answer = await gateway.graphql(analyst, joined, { id: communityId });
        return answer.errors ? undefined : answer;
      },
      { timeoutMs: 30_000, what: 'the joined community through the gateway' },
    );
    expect(seen.status).toBe(200);
    expect(seen.data).toEqual({
      community: {
        id: communityId,
        name: '幸福里社区',
        streetName: '朝阳街道',
        householdsCount: 0,
        compounds: [{ name: '幸福小区', unitCount: 120 }],
        volunteersRegistered: 0,
        partyMembersRegistered: 0,
        pairings: [],
      },
    });

    const outsider = await token(['agency_analyst'], { communityIds: ['another-community'] }, 'outsider');
    const refused = await gateway.graphql(outsider, joined, { id: communityId });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // Authorised by the subgraph itself: the gateway passed the outsider's token on.
    const direct = await suite.service('residents').graphql(outsider, 'query ($id: ID!) { community(id: $id) { name } }', { id: communityId });
    expect(direct.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses an operation without a token at the gateway', async () => {
    const answer = await gateway.graphql(undefined, '{ __typename }');
    expect(answer.status).toBe(401);
    expect(answer.errors).toEqual([
      { message: 'Unauthenticated: no access token (send Authorization: Bearer <token>).', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });
});
