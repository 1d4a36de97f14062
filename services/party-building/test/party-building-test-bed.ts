import { randomUUID } from 'node:crypto';
import { startServiceApp, type GraphqlResponse, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type PartyBuildingConfig } from '../src/infrastructure/config.js';

export type PartyBuildingTestApp = ServiceTestApp<PartyBuildingConfig>;

/**
 * The shared set-up of the per-command integration tests: one app per test file (its own database and topic
 * prefix), a community, and the callers every mutation is tried with — the community's staff, an analyst
 * of the community (read-only, no personal data in clear) and staff of another community.
 */
export interface TestBed {
  t: PartyBuildingTestApp;
  communityId: string;
  staff: string;
  analyst: string;
  /** community_staff of another community: every mutation on this community answers FORBIDDEN. */
  outsider: string;
  /** Runs an operation as `token` and returns its data, failing the test on any error. */
  ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  establishOrganisation(name?: string): Promise<string>;
  registerMember(overrides?: Record<string, unknown>): Promise<string>;
  assignContact(householdId: string, memberId: string): Promise<void>;
  close(): Promise<void>;
}

export const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';

/** The first error's code, field and reason, as a client reads them. */
export function errorOf(res: GraphqlResponse<unknown>): { code?: string; field?: string; reason?: string } {
  const extensions = (res.errors?.[0]?.extensions ?? {}) as { code?: string; field?: string; reason?: string };
  return { code: extensions.code, field: extensions.field, reason: extensions.reason };
}

export async function startTestBed(hint: string): Promise<TestBed> {
  const t = await startServiceApp({ hint, loadConfig, module: (config) => AppModule.forRoot(config) });
  const communityId = randomUUID();
  const staff = await t.token({ roles: ['community_staff'], communityIds: [communityId], subject: 'staff-1' });
  const analyst = await t.token({ roles: ['agency_analyst'], communityIds: [communityId], subject: 'analyst-1' });
  const outsider = await t.token({ roles: ['community_staff'], communityIds: [randomUUID()], subject: 'staff-2' });
  let members = 0;
  const ok = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(token, query, variables);
    if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  return {
    t,
    communityId,
    staff,
    analyst,
    outsider,
    ok,
    async establishOrganisation(name = '幸福里社区党总支') {
      const data = await ok<{ establishPartyOrganisation: { id: string } }>(
        staff,
        `mutation ($c: ID!, $n: String!) { establishPartyOrganisation(input: { communityId: $c, kind: "general_branch", name: $n }) { id } }`,
        { c: communityId, n: name },
      );
      return data.establishPartyOrganisation.id;
    },
    async registerMember(overrides = {}) {
      members += 1;
      const input = {
        communityId,
        name: '李红',
        phone: `138${String(members).padStart(8, '0')}`,
        membershipOrganisation: '市供电公司第三党支部',
        ...overrides,
      };
      const data = await ok<{ registerPartyMemberAtCommunity: { id: string } }>(
        staff,
        `mutation ($i: RegisterPartyMemberAtCommunityInput!) { registerPartyMemberAtCommunity(input: $i) { id } }`,
        { i: input },
      );
      return data.registerPartyMemberAtCommunity.id;
    },
    async assignContact(householdId, memberId) {
      await ok(staff, `mutation ($h: ID!, $c: ID!, $m: ID!) { assignHouseholdContact(input: { householdId: $h, communityId: $c, memberId: $m }) { householdId } }`, {
        h: householdId,
        c: communityId,
        m: memberId,
      });
    },
    close: () => t.close(),
  };
}
