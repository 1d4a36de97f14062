/**
 * The party-building side of the demo street as a plan: per community, its general branch (党总支) with a first
 * secretary, part-time cadres from the paired units and a party-masses service centre with stations; a branch
 * per compound and one in the property company where it has one (red property); party members registered at the
 * community (党员到社区报到); households assigned to them (分片包户) and their contact visits over the months; the
 * activities held. Pure and seeded — the same scale and `now` give the same plan — so the loader can run it through
 * the real command handlers and a re-run can tell what is already there.
 *
 * Every step appends exactly one event to its stream: the loader skips the first `streamVersion` steps of a
 * stream, which makes a second run add nothing and an interrupted run resume where it stopped.
 */
import {
  DAY_MS,
  DEMO_COMMUNITIES,
  DEMO_PROPERTY_COMPANIES,
  DEMO_STATIONED_UNITS,
  DEMO_STREET,
  HOUR_MS,
  MAIN_DEMO_COMMUNITY,
  addDays,
  daysBefore,
  demoHouseholdId,
  demoId,
  demoPropertyPartyBranchId,
  fakeName,
  fakePhone,
  intBetween,
  pick,
  seededRandom,
  seedOf,
  shanghaiAt,
  shanghaiDate,
  type DemoCommunity,
  type DemoScript as KitDemoScript,
  type DemoStep as KitDemoStep,
  type Random,
} from '@cogov/service-kit';
import type { AssignHouseholdContactData } from '../household-contact/assign-household-contact/assign-household-contact.handler.js';
import { householdContactStreamId, type ContactVisitPurpose } from '../household-contact/household-contact.events.js';
import type { RecordContactVisitData } from '../household-contact/record-contact-visit/record-contact-visit.handler.js';
import { partyActivityStreamId, type PartyActivityKind } from '../party-activity/party-activity.events.js';
import type { RecordPartyActivityHeldData } from '../party-activity/record-party-activity-held/record-party-activity-held.handler.js';
import type { EndPartyMemberCommunityRegistrationData } from '../party-member/end-party-member-community-registration/end-party-member-community-registration.handler.js';
import { partyMemberStreamId } from '../party-member/party-member.events.js';
import type { RegisterPartyMemberAtCommunityData } from '../party-member/register-party-member-at-community/register-party-member-at-community.handler.js';
import type { AppointFirstSecretaryData } from '../party-organisation/appoint-first-secretary/appoint-first-secretary.handler.js';
import type { AppointPartTimeCadreData } from '../party-organisation/appoint-part-time-cadre/appoint-part-time-cadre.handler.js';
import type { EstablishPartyOrganisationData } from '../party-organisation/establish-party-organisation/establish-party-organisation.handler.js';
import type { OpenPartyMassesServiceCentreData } from '../party-organisation/open-party-masses-service-centre/open-party-masses-service-centre.handler.js';
import { partyOrganisationStreamId } from '../party-organisation/party-organisation.events.js';

export interface DemoScale {
  /** Party members registered at the community. */
  members: number;
  /** Households each member keeps in contact with. */
  householdsPerMember: number;
  /** Months of contact visits and activities, this one included. */
  months: number;
}

/** The scale of a demo community: ~40 members in the full-size one, ~15 in the others. */
export const scaleOf = (community: DemoCommunity): DemoScale =>
  community.key === MAIN_DEMO_COMMUNITY.key ? { members: 40, householdsPerMember: 6, months: 6 } : { members: 15, householdsPerMember: 5, months: 6 };

/** One command of the plan, as data: the loader turns it into the handler's command. */
export type DemoCommand =
  | { type: 'EstablishPartyOrganisation'; data: EstablishPartyOrganisationData }
  | { type: 'AppointFirstSecretary'; data: AppointFirstSecretaryData }
  | { type: 'AppointPartTimeCadre'; data: AppointPartTimeCadreData }
  | { type: 'OpenPartyMassesServiceCentre'; data: OpenPartyMassesServiceCentreData }
  | { type: 'RegisterPartyMemberAtCommunity'; data: RegisterPartyMemberAtCommunityData }
  | { type: 'EndPartyMemberCommunityRegistration'; data: EndPartyMemberCommunityRegistrationData }
  | { type: 'AssignHouseholdContact'; data: AssignHouseholdContactData }
  | { type: 'RecordContactVisit'; data: RecordContactVisitData }
  | { type: 'RecordPartyActivityHeld'; data: RecordPartyActivityHeldData };

export type DemoStep = KitDemoStep<DemoCommand>;
export type DemoScript = KitDemoScript<DemoCommand>;

export interface DemoPlan {
  communityId: string;
  generalBranch: DemoScript;
  /** Under the general branch: established once it exists. */
  branches: DemoScript[];
  members: DemoScript[];
  /** Need their members registered. */
  contacts: DemoScript[];
  /** Need their organisations established. */
  activities: DemoScript[];
}

/**
 * Communities whose property company has its own party branch (the property demo marks their compounds red
 * property with `demoPropertyPartyBranchId`).
 */
export const RED_PROPERTY_COMMUNITIES: readonly string[] = ['xingfuli', 'guangming'];

const MEMBERSHIP_ORGANISATIONS = [
  '朝阳区教育系统退休教师党支部',
  '中国移动北京公司第三党支部',
  '朝阳区城市管理委员会机关党支部',
  '北京银行朝阳支行党支部',
  '北京市第八十中学党总支',
  '朝阳区卫生健康委员会机关党支部',
  '北京地铁运营一分公司党支部',
  '退休党员党支部（社区）',
];
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
/** The month's theme of the theme party day (主题党日), by month. */
const THEMES: Record<number, string> = {
  1: '新春走访送温暖',
  2: '学雷锋志愿服务',
  3: '学雷锋 文明实践',
  4: '清明缅怀革命先烈',
  5: '劳动创造美好生活',
  6: '学习党章 重温入党誓词',
  7: '庆祝中国共产党成立105周年',
  8: '“八一”走访慰问退役军人',
  9: '尊师重教 共建共享',
  10: '喜迎国庆 文明实践',
  11: '冬季消防安全宣传',
  12: '学习宪法 法治同行',
};
const STUDY_TITLES = ['党纪学习教育专题学习', '学习二十届三中全会精神', '基层治理案例研讨', '党章党规集中学习'];
const SERVICE_TITLES = ['党员志愿者楼道清理', '为老年人义诊量血压', '垃圾分类桶前值守', '社区环境整治志愿服务'];
const POST_TITLES = ['党员示范岗：垃圾分类督导', '党员示范岗：接诉即办专窗', '党员先锋岗：电动车充电安全巡查'];

export const generalBranchIdOf = (communityKey: string): string => demoId('party-organisation', `${communityKey}:general-branch`);
export const partyMemberIdOf = (communityKey: string, n: number): string => demoId('party-member', `${communityKey}:${n}`);

/** The plan of one demo community (default 幸福里社区). */
export function demoPlan(scale: DemoScale, now: Date, community: DemoCommunity = MAIN_DEMO_COMMUNITY): DemoPlan {
  const random = seededRandom(seedOf(`party-building:${community.key}`));
  const { generalBranch, branches, organisationIds } = organisationScripts(random, community, now);
  const { members, active } = memberScripts(random, community, scale, now);
  return {
    communityId: community.id,
    generalBranch,
    branches,
    members,
    contacts: contactScripts(random, community, scale, active, now),
    activities: activityScripts(random, community, scale, organisationIds, Math.min(active.length, scale.members), now),
  };
}

/** The plans of the whole demo street. */
export const demoStreetPlans = (now: Date): DemoPlan[] => DEMO_COMMUNITIES.map((community) => demoPlan(scaleOf(community), now, community));

/**
 * The general branch (a first secretary sent by one of the paired units, a part-time cadre from each, the service
 * centre and a station per compound), set up well over a year ago; a branch per compound and, where the property
 * company has one, the company's branch.
 */
function organisationScripts(random: Random, community: DemoCommunity, now: Date) {
  const { key, id: communityId, name } = community;
  const generalId = generalBranchIdOf(key);
  const pairedUnits = DEMO_STATIONED_UNITS.filter((unit) => unit.communityKey === key);
  const setup = daysBefore(now, 420);
  const at = (days: number) => new Date(setup.getTime() + days * DAY_MS);
  const steps: DemoStep[] = [
    {
      at: setup,
      command: { type: 'EstablishPartyOrganisation', data: { organisationId: generalId, communityId, kind: 'general_branch', name: `${name}党总支`, parentOrganisationId: null, hostUnitId: null } },
    },
    {
      at: at(10),
      command: {
        type: 'AppointFirstSecretary',
        data: { organisationId: generalId, secretaryId: demoId('party-cadre', `${key}:first-secretary`), name: fakeName(random), sendingUnitId: pairedUnits[0]?.id ?? null },
      },
    },
    ...pairedUnits.map((unit, i) => ({
      at: at(20 + i),
      command: {
        type: 'AppointPartTimeCadre' as const,
        data: { organisationId: generalId, cadreId: demoId('party-cadre', `${key}:${unit.key}`), name: fakeName(random), pairedUnitId: unit.id },
      },
    })),
    {
      at: at(30),
      command: {
        type: 'OpenPartyMassesServiceCentre',
        data: { organisationId: generalId, centreId: demoId('party-service-centre', `${key}:centre`), kind: 'centre', name: `${name}党群服务中心`, address: `${DEMO_STREET.name}${name}居委会一层` },
      },
    },
    ...community.compounds.map((compound, i) => ({
      at: at(40 + i),
      command: {
        type: 'OpenPartyMassesServiceCentre' as const,
        data: { organisationId: generalId, centreId: demoId('party-service-centre', `${key}:${compound}`), kind: 'station' as const, name: `${compound}党群服务站`, address: `${compound}物业服务中心二层` },
      },
    })),
  ];
  const branch = (organisationId: string, branchName: string, hostUnitId: string | null, i: number): DemoScript => ({
    streamId: partyOrganisationStreamId(organisationId),
    steps: [
      {
        at: new Date(setup.getTime() + (5 + i) * HOUR_MS),
        command: { type: 'EstablishPartyOrganisation', data: { organisationId, communityId, kind: 'branch', name: branchName, parentOrganisationId: generalId, hostUnitId } },
      },
    ],
  });
  const branches = community.compounds.map((compound, i) => branch(demoId('party-organisation', `${key}:branch:${compound}`), `${compound}党支部`, null, i));
  const company = DEMO_PROPERTY_COMPANIES[key];
  if (company && RED_PROPERTY_COMMUNITIES.includes(key)) {
    branches.push(branch(demoPropertyPartyBranchId(key), `${company.name}党支部`, company.id, branches.length));
  }
  return {
    generalBranch: { streamId: partyOrganisationStreamId(generalId), steps },
    branches,
    organisationIds: { general: generalId, branches: branches.map((b) => (b.steps[0]!.command.data as EstablishPartyOrganisationData).organisationId) },
  };
}

interface ActiveMember {
  id: string;
  registeredAt: Date;
}

/**
 * Members registering over the last year and a half, each living in a household of the community; in the
 * full-size community one has moved away since and ended the registration.
 */
function memberScripts(random: Random, community: DemoCommunity, scale: DemoScale, now: Date): { members: DemoScript[]; active: ActiveMember[] } {
  const members: DemoScript[] = [];
  const active: ActiveMember[] = [];
  const homes = shuffled(random, community.households);
  for (let n = 0; n < scale.members; n += 1) {
    const memberId = partyMemberIdOf(community.key, n);
    const registeredAt = shanghaiAt(shanghaiDate(daysBefore(now, intBetween(random, 190, 560))), intBetween(random, 9, 17));
    const steps: DemoStep[] = [
      {
        at: registeredAt,
        command: {
          type: 'RegisterPartyMemberAtCommunity',
          data: {
            memberId,
            communityId: community.id,
            name: fakeName(random),
            phone: fakePhone(random),
            membershipOrganisation: pick(random, MEMBERSHIP_ORGANISATIONS),
            householdId: homes.length > 0 ? demoHouseholdId(community.key, homes[n % homes.length]!) : null,
          },
        },
      },
    ];
    const movedAway = community.key === MAIN_DEMO_COMMUNITY.key && n === scale.members - 1 && scale.members >= 10;
    if (movedAway) {
      steps.push({ at: daysBefore(now, 35), command: { type: 'EndPartyMemberCommunityRegistration', data: { memberId, reason: '已迁出本社区，转至新居住地社区报到' } } });
    } else {
      active.push({ id: memberId, registeredAt });
    }
    members.push({ streamId: partyMemberStreamId(memberId), steps });
  }
  return { members, active };
}

/** 0 … n − 1 in a seeded order. */
function shuffled(random: Random, n: number): number[] {
  const items = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Each active member keeps in contact with a few households of their own (none shared), assigned some five or six
 * months ago and visited every three to six weeks since: mostly regular contact, sometimes to explain a policy,
 * collect appeals or help; around Mid-Autumn and National Day a festival greeting. Now and then a household is handed
 * over to another member, who makes the later visits.
 */
function contactScripts(random: Random, community: DemoCommunity, scale: DemoScale, active: readonly ActiveMember[], now: Date): DemoScript[] {
  const households = shuffled(random, community.households);
  const today = shanghaiDate(now);
  const scripts: DemoScript[] = [];
  const start = daysBefore(now, scale.months * 30 - 10);
  active.forEach((member, m) => {
    for (let h = 0; h < scale.householdsPerMember; h += 1) {
      const index = households[m * scale.householdsPerMember + h];
      if (index === undefined) return;
      const householdId = demoHouseholdId(community.key, index);
      const assignedAt = new Date(Math.max(member.registeredAt.getTime() + 7 * DAY_MS, start.getTime() + intBetween(random, 0, 20) * DAY_MS) + intBetween(random, 1, 8) * HOUR_MS);
      const steps: DemoStep[] = [{ at: assignedAt, command: { type: 'AssignHouseholdContact', data: { householdId, communityId: community.id, memberId: member.id } } }];
      const successor = active.length > 1 && random() < 0.08 ? active[(m + 1) % active.length]! : undefined;
      let contact = member;
      let visitedOn = addDays(shanghaiDate(assignedAt), intBetween(random, 3, 20));
      for (let v = 0; visitedOn < today; v += 1) {
        if (successor && v === 2 && contact === member) {
          steps.push({ at: shanghaiAt(addDays(visitedOn, -3), 10), command: { type: 'AssignHouseholdContact', data: { householdId, communityId: community.id, memberId: successor.id } } });
          contact = successor;
        }
        steps.push({ at: shanghaiAt(visitedOn, 19, intBetween(random, 0, 59)), command: { type: 'RecordContactVisit', data: { householdId, memberId: contact.id, visitedOn, purpose: purposeOn(random, visitedOn) } } });
        visitedOn = addDays(visitedOn, intBetween(random, 20, 42));
      }
      scripts.push({ streamId: householdContactStreamId(householdId), steps: steps.filter((s) => s.at.getTime() < now.getTime()) });
    }
  });
  return scripts;
}

function purposeOn(random: Random, date: string): ContactVisitPurpose {
  const monthDay = date.slice(5);
  if (monthDay >= '09-20' && monthDay <= '10-07') return 'festival_greeting';
  const roll = random();
  return roll < 0.62 ? 'regular_contact' : roll < 0.78 ? 'policy_outreach' : roll < 0.92 ? 'appeal_collection' : 'assistance';
}

/**
 * Every month: the theme party day of the general branch, and — in turn — a branch's study session, volunteer
 * service, demonstration post or a co-building activity with a paired unit (the full-size community holds one more a
 * month). Activities of this month are only those already held.
 */
function activityScripts(
  random: Random,
  community: DemoCommunity,
  scale: DemoScale,
  organisations: { general: string; branches: string[] },
  members: number,
  now: Date,
): DemoScript[] {
  const today = shanghaiDate(now);
  const pairedUnits = DEMO_STATIONED_UNITS.filter((unit) => unit.communityKey === community.key);
  const perMonth = community.key === MAIN_DEMO_COMMUNITY.key ? 3 : 2;
  const scripts: DemoScript[] = [];
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let back = scale.months - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const monthKey = `${y}-${String(m).padStart(2, '0')}`;
    for (let i = 0; i < perMonth; i += 1) {
      const heldOn = `${monthKey}-${String(i === 0 ? intBetween(random, 3, 10) : intBetween(random, 11, 27)).padStart(2, '0')}`;
      const at = shanghaiAt(heldOn, 20, intBetween(random, 0, 59));
      if (at.getTime() >= now.getTime()) continue;
      const turn = (index + i) % 4;
      const [kind, organisationId, title]: [PartyActivityKind, string, string] =
        i === 0
          ? ['theme_party_day', organisations.general, `${CHINESE_NUMBERS[m - 1]}月主题党日：${THEMES[m]}`]
          : turn === 0 && pairedUnits.length > 0
            ? ['co_building', organisations.general, `与${pick(random, pairedUnits).name}结对共建活动`]
            : turn === 1
              ? ['study_session', pick(random, organisations.branches), pick(random, STUDY_TITLES)]
              : turn === 2
                ? ['volunteer_service', pick(random, organisations.branches), pick(random, SERVICE_TITLES)]
                : ['demonstration_post', pick(random, organisations.branches), pick(random, POST_TITLES)];
      const participantCount = kind === 'co_building' ? intBetween(random, 25, 70) : intBetween(random, 10, 40);
      const registeredMemberCount = Math.min(members, Math.round(participantCount * (0.3 + random() * 0.4)));
      const activityId = demoId('party-activity', `${community.key}:${monthKey}:${i}`);
      scripts.push({
        streamId: partyActivityStreamId(activityId),
        steps: [{ at, command: { type: 'RecordPartyActivityHeld', data: { activityId, communityId: community.id, organisationId, kind, title, heldOn, participantCount, registeredMemberCount } } }],
      });
    }
  }
  return scripts;
}
