import { randomBytes, randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@cogov/domain';
import { startServiceApp, type GraphqlResponse, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type OrganisationsConfig } from '../src/infrastructure/config.js';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@cogov/domain';

export type OrganisationsTestApp = ServiceTestApp<OrganisationsConfig>;

/**
 * The shared set-up of the per-command integration tests: one app per test file (its own database and topic
 * prefix), a community, its staff, staff of another community, and helpers that create what a command needs.
 */
export interface TestBed {
  t: OrganisationsTestApp;
  communityId: string;
  staff: string;
  /** community_staff of another community: every mutation on this community answers FORBIDDEN. */
  outsider: string;
  /** Runs an operation as `token` and returns its data, failing the test on any error. */
  ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  registerOrganisation(overrides?: Record<string, unknown>): Promise<string>;
  establishPairing(overrides?: Record<string, unknown>): Promise<string>;
  offerFacility(overrides?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';

/** A fresh, valid unified social credit code (GB 32100-2015) of a company registered in Beijing. */
export function newCreditCode(): string {
  const body = `91110000${[...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % CREDIT_CODE_CHARSET.length]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

/** Today's Asia/Shanghai date, the earliest day a fresh pairing may hold an activity. */
export const today = (): string => shanghaiDateOf(new Date().toISOString());

/** [startsAt, endsAt) of `hours` hours tomorrow from 10:00 Shanghai time (02:00 UTC). */
export function tomorrowAt(startHourUtc = 2, hours = 1): { startsAt: string; endsAt: string } {
  const day = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
  const start = Date.parse(`${day}T00:00:00.000Z`) + startHourUtc * 3600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + hours * 3600_000).toISOString() };
}

/** The first error's code, field and reason, as a client reads them. */
export function errorOf(res: GraphqlResponse<unknown>): { code?: string; field?: string; reason?: string } {
  const extensions = (res.errors?.[0]?.extensions ?? {}) as { code?: string; field?: string; reason?: string };
  return { code: extensions.code, field: extensions.field, reason: extensions.reason };
}

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));

export async function startTestBed(hint: string, env: NodeJS.ProcessEnv = {}): Promise<TestBed> {
  const t = await startServiceApp({ hint, loadConfig, module: (config) => AppModule.forRoot(config), env });
  const communityId = randomUUID();
  const staff = await t.token({ roles: ['community_staff'], communityIds: [communityId], subject: 'staff-1' });
  const outsider = await t.token({ roles: ['community_staff'], communityIds: [randomUUID()], subject: 'staff-2' });
  const ok = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(token, query, variables);
    if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const bed: TestBed = {
    t,
    communityId,
    staff,
    outsider,
    ok,
    async registerOrganisation(overrides = {}) {
      const input = { communityId, name: '和平里第一小学', type: 'school', creditCode: newCreditCode(), address: '和平里七区 3 号', ...overrides };
      const data = await ok<{ registerOrganisation: { id: string } }>(
        staff,
        `mutation ($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { id } }`,
        { i: input },
      );
      return data.registerOrganisation.id;
    },
    async establishPairing(overrides = {}) {
      const organisationId = await bed.registerOrganisation();
      const input = { organisationId, communityId, commitments: ['开放操场', '共办四点半课堂'], pledgedFen: 500_000, ...overrides };
      const data = await ok<{ establishPairing: { id: string } }>(
        staff,
        `mutation ($i: EstablishPairingInput!) { establishPairing(input: $i) { id } }`,
        { i: input },
      );
      return data.establishPairing.id;
    },
    async offerFacility(overrides = {}) {
      const organisationId = await bed.registerOrganisation();
      const input = { organisationId, communityId, kind: 'meeting_room', name: '二楼会议室', address: '和平里七区 3 号', capacity: 30, openingHours: ALL_WEEK, ...overrides };
      const data = await ok<{ offerSharedFacility: { id: string } }>(
        staff,
        `mutation ($i: OfferSharedFacilityInput!) { offerSharedFacility(input: $i) { id } }`,
        { i: input },
      );
      return data.offerSharedFacility.id;
    },
    close: () => t.close(),
  };
  return bed;
}
