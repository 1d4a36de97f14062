import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { uuidv7 } from '@cogov/eventsourcing';
import type { CommandContext } from '@cogov/service-kit';
import { startServiceApp, type GraphqlResponse, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type VolunteersConfig } from '../src/infrastructure/config.js';
import { CheckInVolunteerCommand } from '../src/opportunity/check-in-volunteer/check-in-volunteer.handler.js';

export const UNKNOWN_ID = '0190a000-0000-7000-8000-000000000000';
export const NAME = '欧阳明月';
export const ID_NUMBER = '11010519491231002X';
export const PHONE = '13912345678';
export const PERSON_IN_CHARGE = '司马光';
const MINUTE_MS = 60_000;

/**
 * The shared set-up of the volunteers integration tests: one app per test file (its own database and topic
 * prefix), a community, and the callers every mutation is tried with — the community's staff, staff of
 * another community, and a read-only analyst of this community.
 */
export interface VolunteersTestBed {
  t: ServiceTestApp<VolunteersConfig>;
  communityId: string;
  staff: string;
  outsider: string;
  analyst: string;
  ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  registerVolunteer(overrides?: Record<string, unknown>): Promise<string>;
  formTeam(): Promise<string>;
  /** An opportunity that started `startedMinutesAgo` minutes ago and runs two more hours. */
  publishOpportunity(overrides?: Record<string, unknown>, startedMinutesAgo?: number): Promise<string>;
  signUp(opportunityId: string, volunteerId: string): Promise<void>;
  /** Checks in through the command bus with a back-dated instant, so check-out finds minutes present. */
  checkInMinutesAgo(opportunityId: string, volunteerId: string, minutesAgo: number): Promise<void>;
  checkOut(opportunityId: string, volunteerId: string): Promise<void>;
  verify(opportunityId: string, volunteerId: string, servedMinutes: number): Promise<void>;
  close(): Promise<void>;
}

export function errorOf(res: GraphqlResponse<unknown>): { code?: string; field?: string } {
  const extensions = (res.errors?.[0]?.extensions ?? {}) as { code?: string; field?: string };
  return { code: extensions.code, field: extensions.field };
}

export const REGISTER = `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id communityId status name phone idNumber skills teamIds linkedTo { kind id } } }`;
export const PUBLISH = `mutation ($i: PublishServiceOpportunityInput!) { publishServiceOpportunity(input: $i) { id status capacity personInChargeName signedUpCount signUps { volunteerId stage } } }`;
const OPPORTUNITY_FIELDS = `id status signedUpCount signUps { volunteerId stage minutesPresent servedMinutes }`;
export const SIGN_UP = `mutation ($o: ID!, $v: ID!) { signUpForOpportunity(input: { opportunityId: $o, volunteerId: $v }) { ${OPPORTUNITY_FIELDS} } }`;
export const CHECK_IN = `mutation ($o: ID!, $v: ID!) { checkInVolunteer(input: { opportunityId: $o, volunteerId: $v }) { ${OPPORTUNITY_FIELDS} } }`;
export const CHECK_OUT = `mutation ($o: ID!, $v: ID!) { checkOutVolunteer(input: { opportunityId: $o, volunteerId: $v }) { ${OPPORTUNITY_FIELDS} } }`;
export const VERIFY = `mutation ($o: ID!, $v: ID!, $m: Int!) { verifyServiceHours(input: { opportunityId: $o, volunteerId: $v, servedMinutes: $m }) { ${OPPORTUNITY_FIELDS} } }`;

export function volunteerInput(communityId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { communityId, linkedTo: { kind: 'resident', id: randomUUID() }, name: NAME, phone: PHONE, idNumber: ID_NUMBER, skills: ['急救', '法律咨询'], ...overrides };
}

export function opportunityInput(communityId: string, startedMinutesAgo = 30, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    communityId,
    source: { kind: 'standalone', id: null },
    title: '楼道清理',
    content: '清理楼道堆放杂物，消除消防隐患',
    place: '和平里七区 12 号楼',
    organisingUnit: '和平里社区居委会',
    personInChargeId: 'staff-9',
    personInChargeName: PERSON_IN_CHARGE,
    startsAt: new Date(now - startedMinutesAgo * MINUTE_MS).toISOString(),
    endsAt: new Date(now + 120 * MINUTE_MS).toISOString(),
    capacity: 5,
    ...overrides,
  };
}

export async function startVolunteersTestBed(hint: string): Promise<VolunteersTestBed> {
  const t = await startServiceApp({ hint, loadConfig, module: (config) => AppModule.forRoot(config) });
  const communityId = uuidv7();
  const staff = await t.token({ roles: ['community_staff'], communityIds: [communityId], subject: 'staff-1' });
  const outsider = await t.token({ roles: ['community_staff'], communityIds: [randomUUID()], subject: 'staff-2' });
  const analyst = await t.token({ roles: ['agency_analyst'], communityIds: [communityId], subject: 'analyst-1' });
  const ok = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await t.graphql<T>(token, query, variables);
    if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const pair = (o: string, v: string) => ({ o, v });
  return {
    t,
    communityId,
    staff,
    outsider,
    analyst,
    ok,
    async registerVolunteer(overrides = {}) {
      const data = await ok<{ registerVolunteer: { id: string } }>(staff, REGISTER, { i: volunteerInput(communityId, overrides) });
      return data.registerVolunteer.id;
    },
    async formTeam() {
      const data = await ok<{ formVolunteerTeam: { id: string } }>(
        staff,
        `mutation ($c: ID!) { formVolunteerTeam(input: { communityId: $c, name: "法律服务队", category: "judicial" }) { id } }`,
        { c: communityId },
      );
      return data.formVolunteerTeam.id;
    },
    async publishOpportunity(overrides = {}, startedMinutesAgo = 30) {
      const data = await ok<{ publishServiceOpportunity: { id: string } }>(staff, PUBLISH, { i: opportunityInput(communityId, startedMinutesAgo, overrides) });
      return data.publishServiceOpportunity.id;
    },
    async signUp(o, v) {
      await ok(staff, SIGN_UP, pair(o, v));
    },
    async checkInMinutesAgo(opportunityId, volunteerId, minutesAgo) {
      const context: CommandContext = {
        actor: { subject: 'staff-1', roles: ['community_staff'], jurisdiction: { communityIds: [communityId], streetIds: [], gridIds: [] }, clientId: 'tests' },
        correlationId: uuidv7(),
        causationId: uuidv7(),
        occurredAt: new Date(Date.now() - minutesAgo * MINUTE_MS).toISOString(),
      };
      await t.app.get(CommandBus).execute(new CheckInVolunteerCommand({ opportunityId, volunteerId }, context));
    },
    async checkOut(o, v) {
      await ok(staff, CHECK_OUT, pair(o, v));
    },
    async verify(o, v, m) {
      await ok(staff, VERIFY, { ...pair(o, v), m });
    },
    close: () => t.close(),
  };
}
