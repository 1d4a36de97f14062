import { randomUUID } from 'node:crypto';
import { startResidentsApp, type GraphqlResponse, type ResidentsTestApp } from './residents-test-app.js';

/**
 * The shared set-up of the per-command integration tests: one app per test file (its own database and
 * topic prefix, from startResidentsApp), a community with a grid and a household, and the three callers
 * every mutation is tried with — the street admin, the community's staff, and staff of another community.
 */
export interface CommandTestBed {
  t: ResidentsTestApp;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string;
  admin: string;
  staff: string;
  /** community_staff of another community: every mutation on this community answers FORBIDDEN. */
  outsider: string;
  /** Runs a mutation as `token` and returns its data, failing the test on any error. */
  ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  moveIn(overrides?: Record<string, unknown>): Promise<string>;
  fileAppeal(overrides?: Record<string, unknown>): Promise<string>;
  /** Takes a freshly filed appeal through the lifecycle up to `status`. */
  advanceAppeal(appealId: string, status: 'accepted' | 'dispatched' | 'resolved' | 'closed'): Promise<void>;
  close(): Promise<void>;
}

export const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';

/** The first error's code, field and reason, as a client reads them. */
export function errorOf(res: GraphqlResponse<unknown>): { code?: string; field?: string; reason?: string } {
  const extensions = (res.errors?.[0]?.extensions ?? {}) as { code?: string; field?: string; reason?: string };
  return { code: extensions.code, field: extensions.field, reason: extensions.reason };
}

export async function startCommandTestBed(hint: string, env: NodeJS.ProcessEnv = {}): Promise<CommandTestBed> {
  const t = await startResidentsApp(hint, env);
  const streetId = `street-${hint.replace(/[^a-z0-9]/gi, '-')}`;
  const admin = await t.token({ roles: ['street_admin'], streetIds: [streetId], subject: 'admin-1' });
  const ok = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(token, query, variables);
    if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };

  const { registerCommunity } = await ok<{ registerCommunity: { id: string } }>(
    admin,
    `mutation ($s: String!) { registerCommunity(input: { name: "幸福里社区", streetId: $s, streetName: "朝阳街道" }) { id } }`,
    { s: streetId },
  );
  const communityId = registerCommunity.id;
  const staff = await t.token({ roles: ['community_staff'], communityIds: [communityId], subject: 'staff-1' });
  const outsider = await t.token({ roles: ['community_staff'], communityIds: [randomUUID()], subject: 'staff-2' });
  const { delineateGrid } = await ok<{ delineateGrid: { grids: { id: string }[] } }>(
    staff,
    `mutation ($c: ID!) { delineateGrid(input: { communityId: $c, name: "第一网格" }) { grids { id } } }`,
    { c: communityId },
  );
  const gridId = delineateGrid.grids[0]!.id;
  const { registerHousehold } = await ok<{ registerHousehold: { id: string } }>(
    staff,
    `mutation ($c: ID!, $g: ID!) { registerHousehold(input: { communityId: $c, gridId: $g, address: { compound: "幸福小区", building: "3", unit: "2", room: "301" } }) { id } }`,
    { c: communityId, g: gridId },
  );
  const householdId = registerHousehold.id;
  let people = 0;

  const bed: CommandTestBed = {
    t,
    streetId,
    communityId,
    gridId,
    householdId,
    admin,
    staff,
    outsider,
    ok,
    async moveIn(overrides = {}) {
      people += 1;
      const input = {
        householdId,
        communityId,
        gridId,
        name: '王伟',
        idNumber: '11010519491231002X',
        phone: `139${String(people).padStart(8, '0')}`,
        movedInOn: '2026-10-01',
        ...overrides,
      };
      const data = await ok<{ moveResidentIn: { id: string } }>(
        staff,
        `mutation ($i: MoveResidentInInput!) { moveResidentIn(input: $i) { id } }`,
        { i: input },
      );
      return data.moveResidentIn.id;
    },
    async fileAppeal(overrides = {}) {
      const input = { communityId, gridId, channel: 'hotline', category: 'utilities.water', description: '楼道漏水', location: '3-2-301', ...overrides };
      const data = await ok<{ fileAppeal: { id: string } }>(staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, { i: input });
      return data.fileAppeal.id;
    },
    async advanceAppeal(appealId, status) {
      const steps = [
        `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id } }`,
        `mutation ($a: ID!) { dispatchAppeal(input: { appealId: $a, stakeholder: { kind: "property_company", id: "pm-001" } }) { id } }`,
        `mutation ($a: ID!) { resolveAppeal(input: { appealId: $a, resolution: "已更换水管" }) { id } }`,
        `mutation ($a: ID!) { recordReturnVisit(input: { appealId: $a, rating: "unsatisfied", comment: "" }) { id } }`,
      ];
      const count = { accepted: 1, dispatched: 2, resolved: 3, closed: 4 }[status];
      for (const step of steps.slice(0, count)) await ok(staff, step, { a: appealId });
    },
    close: () => t.close(),
  };
  return bed;
}
