/**
 * The property side of the demo street as a plan: per community, one compound (小区) for each name the demo
 * street gives it, with its service contract, occupancy and red-property mark; work orders over the last months;
 * the quarterly assessments of the last two complete quarters; owners' committees formed, elected and filed.
 * Pure and seeded — the same scale and `now` give the same plan — so the loader can run it through the real
 * command handlers and a re-run can tell what is already there.
 *
 * Every step appends exactly one event to its stream: the loader skips the first `streamVersion` steps of a
 * stream, which makes a second run add nothing and an interrupted run resume where it stopped.
 */
import {
  DAY_MS,
  DEMO_COMMUNITIES,
  DEMO_PROPERTY_COMPANIES,
  DEMO_STREET,
  HOUR_MS,
  daysBefore,
  demoCreditCode,
  demoId,
  demoPropertyPartyBranchId,
  intBetween,
  pick,
  seededRandom,
  seedOf,
  shanghaiAt,
  shanghaiDate,
  weighted,
  type DemoCommunity,
  type DemoScript as KitDemoScript,
  type DemoStep as KitDemoStep,
} from '@cogov/service-kit';
import type { EndPropertyServiceContractCommand } from '../compound/end-property-service-contract/end-property-service-contract.handler.js';
import type { MarkRedPropertyCommand } from '../compound/mark-red-property/mark-red-property.handler.js';
import type { RecordCompoundOccupancyCommand } from '../compound/record-compound-occupancy/record-compound-occupancy.handler.js';
import type { RegisterCompoundData } from '../compound/register-compound/register-compound.handler.js';
import type { SignPropertyServiceContractData } from '../compound/sign-property-service-contract/sign-property-service-contract.handler.js';
import type { CompoundEnclosure } from '../compound/compound.events.js';
import { compoundStreamId } from '../compound/compound.events.js';
import type { RollEntry } from '../owners-assembly/assembly-vote.js';
import type { CastElectionBallotCommand } from '../owners-assembly/cast-election-ballot/cast-election-ballot.handler.js';
import type { CountAssemblyVoteCommand } from '../owners-assembly/count-assembly-vote/count-assembly-vote.handler.js';
import type { NominateCommitteeCandidateCommand } from '../owners-assembly/nominate-committee-candidate/nominate-committee-candidate.handler.js';
import type { OpenAssemblyVotingCommand } from '../owners-assembly/open-assembly-voting/open-assembly-voting.handler.js';
import { ownersAssemblyStreamId } from '../owners-assembly/owners-assembly.events.js';
import type { RecordOwnerOnRollCommand } from '../owners-assembly/record-owner-on-roll/record-owner-on-roll.handler.js';
import type { ConveneCommitteeElectionData } from '../owners-committee/convene-committee-election/convene-committee-election.handler.js';
import type { FileOwnersCommitteeCommand } from '../owners-committee/file-owners-committee/file-owners-committee.handler.js';
import type { FormPreparatoryGroupData } from '../owners-committee/form-preparatory-group/form-preparatory-group.handler.js';
import { ownersCommitteeStreamId } from '../owners-committee/owners-committee.events.js';
import type { RecordCommitteeElectionCommand } from '../owners-committee/record-committee-election/record-committee-election.handler.js';
import { defaultAssessmentScheme, requireQuarter } from '../property-assessment/assessment-scheme.js';
import { propertyAssessmentStreamId } from '../property-assessment/property-assessment.events.js';
import type { AssignWorkOrderCommand } from '../work-order/assign-work-order/assign-work-order.handler.js';
import type { CompleteWorkOrderCommand } from '../work-order/complete-work-order/complete-work-order.handler.js';
import type { OpenWorkOrderData } from '../work-order/open-work-order/open-work-order.handler.js';
import type { RejectWorkOrderCompletionCommand } from '../work-order/reject-work-order-completion/reject-work-order-completion.handler.js';
import type { VerifyWorkOrderCommand } from '../work-order/verify-work-order/verify-work-order.handler.js';
import { WORK_ORDER_CATEGORIES, workOrderStreamId, type WorkOrderCategory } from '../work-order/work-order.events.js';

export interface DemoScale {
  /** Work orders opened per 100 units of a compound over `days`. */
  workOrdersPer100Units: number;
  /** How far back the work orders go. */
  days: number;
}

export const FULL_SCALE: DemoScale = { workOrdersPer100Units: 8, days: 180 };

/** One command of the plan, as data: the loader turns it into the handler's command. */
export type DemoCommand =
  | { type: 'RegisterCompound'; data: RegisterCompoundData }
  | { type: 'RecordCompoundOccupancy'; data: RecordCompoundOccupancyCommand['data'] }
  | { type: 'SignPropertyServiceContract'; data: SignPropertyServiceContractData }
  | { type: 'EndPropertyServiceContract'; data: EndPropertyServiceContractCommand['data'] }
  | { type: 'MarkRedProperty'; data: MarkRedPropertyCommand['data'] }
  | { type: 'OpenWorkOrder'; data: OpenWorkOrderData }
  | { type: 'AssignWorkOrder'; data: AssignWorkOrderCommand['data'] }
  | { type: 'CompleteWorkOrder'; data: CompleteWorkOrderCommand['data'] }
  | { type: 'RejectWorkOrderCompletion'; data: RejectWorkOrderCompletionCommand['data'] }
  | { type: 'VerifyWorkOrder'; data: VerifyWorkOrderCommand['data'] }
  | { type: 'OpenPropertyServiceAssessment'; data: { compoundId: string; quarter: string } }
  | { type: 'ScorePropertyServiceCriterion'; data: { compoundId: string; quarter: string; criterion: string; score: number } }
  | { type: 'ConcludePropertyServiceAssessment'; data: { compoundId: string; quarter: string } }
  | { type: 'FormPreparatoryGroup'; data: FormPreparatoryGroupData }
  | { type: 'ConveneCommitteeElection'; data: ConveneCommitteeElectionData }
  | { type: 'RecordOwnerOnRoll'; data: RecordOwnerOnRollCommand['data'] }
  | { type: 'NominateCommitteeCandidate'; data: NominateCommitteeCandidateCommand['data'] }
  | { type: 'OpenAssemblyVoting'; data: OpenAssemblyVotingCommand['data'] }
  | { type: 'CastElectionBallot'; data: CastElectionBallotCommand['data'] }
  | { type: 'CountAssemblyVote'; data: CountAssemblyVoteCommand['data'] }
  | { type: 'RecordCommitteeElection'; data: RecordCommitteeElectionCommand['data'] }
  | { type: 'FileOwnersCommittee'; data: FileOwnersCommitteeCommand['data'] };

export type DemoStep = KitDemoStep<DemoCommand>;
export type DemoScript = KitDemoScript<DemoCommand>;

export interface DemoPlan {
  communityIds: string[];
  compounds: DemoScript[];
  workOrders: DemoScript[];
  assessments: DemoScript[];
  /** Each committee's first step, the preparatory group: an election is convened by it. */
  preparatoryGroups: DemoScript[];
  /** Committee elections: convening, the roll, nominations, one ballot per unit, the count. */
  elections: DemoScript[];
  /** Each committee's whole script (its group already formed): the election recorded, the filing. */
  committees: DemoScript[];
}

/** How a compound's owners' committee stands in the demo (none: no committee yet). */
type CommitteeStory = 'none' | 'preparing' | 'elected_filed' | 'failed_then_filed';

interface CompoundFacts {
  enclosure: CompoundEnclosure;
  units: number;
  /** Occupied share, years ago and now (whole percent). */
  occupancy: [number, number];
  /** Service quality of the last two complete quarters, older first (0–100): what the assessors' scores centre on. */
  quality: [number, number];
  /** The company's party branch takes part in community governance: the compound is red property. */
  redProperty: boolean;
  /** The compound dismissed its former company: that contract was ended and the current one signed after. */
  formerCompany?: string;
  committee: CommitteeStory;
}

/** The demo street's compounds by name; a compound not listed gets DEFAULT_FACTS. */
const COMPOUND_FACTS: Record<string, CompoundFacts> = {
  幸福小区: { enclosure: 'closed', units: 312, occupancy: [91, 95], quality: [90, 92], redProperty: true, committee: 'none' },
  和平苑: { enclosure: 'closed', units: 336, occupancy: [86, 90], quality: [82, 85], redProperty: true, committee: 'none' },
  朝阳新村: { enclosure: 'open', units: 300, occupancy: [80, 83], quality: [56, 68], redProperty: false, formerCompany: '朝阳新村旧物业管理有限公司', committee: 'none' },
  光明里: { enclosure: 'closed', units: 160, occupancy: [88, 92], quality: [84, 87], redProperty: true, committee: 'failed_then_filed' },
  和平里东区: { enclosure: 'closed', units: 264, occupancy: [90, 93], quality: [78, 80], redProperty: false, committee: 'preparing' },
  和平里西区: { enclosure: 'open', units: 180, occupancy: [72, 76], quality: [52, 63], redProperty: false, committee: 'none' },
  光明花园: { enclosure: 'closed', units: 176, occupancy: [93, 96], quality: [88, 90], redProperty: true, committee: 'elected_filed' },
};
const DEFAULT_FACTS: CompoundFacts = { enclosure: 'closed', units: 200, occupancy: [85, 88], quality: [80, 82], redProperty: false, committee: 'none' };

/** 6 floors × 2 entrances × 4 rooms. */
const UNITS_PER_BUILDING = 48;
/** Common parts (stairs, corridors, plant rooms) on top of the exclusive areas. */
const COMMON_PARTS_PERCENT = 18;

const SUMMARIES: Record<WorkOrderCategory, string[]> = {
  repair: ['电梯运行异响', '单元门禁损坏', '楼道感应灯不亮', '地下室水管渗漏', '屋面防水层破损渗水', '小区路灯损坏', '单元门闭门器失灵', '消防栓箱门损坏'],
  cleaning: ['楼道堆放杂物需清理', '垃圾桶满溢未及时清运', '地下车库积水', '绿化带内垃圾较多', '楼道小广告需清理', '雨后路面积泥需清扫'],
  parking: ['消防通道被车辆占用', '地面车位划线模糊', '道闸车牌识别失灵', '非机动车乱停乱放', '外来车辆长期占用车位'],
  safety: ['电动车在楼道内充电', '楼顶护栏松动', '阳台花盆有坠落隐患', '配电箱门未上锁', '监控摄像头故障'],
};
const COMPLETIONS: Record<WorkOrderCategory, string[]> = {
  repair: ['已更换损坏部件，运行正常', '维修完毕，已试用确认', '已请专业单位检修完成'],
  cleaning: ['已清理完毕', '已安排保洁集中清运', '已清扫并消毒'],
  parking: ['已劝离车辆并设置警示', '已重新施划车位线', '已调试道闸，识别正常'],
  safety: ['已劝导住户整改并清除隐患', '已加固并设置警示标识', '已更换设备，恢复正常'],
};
const REJECTIONS = ['现场复查问题仍存在', '业主反映仍未解决', '处理不彻底，需返工'];
const VERIFICATIONS = ['现场复查合格', '业主确认满意', '', '回访无异议'];
const PUBLIC_PLACES = ['地下车库', '小区东门', '中心花园', '北侧围墙', '垃圾分类站', '南门岗亭'];
const TEAMS: Record<WorkOrderCategory, string> = { repair: 'repair', cleaning: 'cleaning', parking: 'order', safety: 'security' };
/** Category weights beyond the first round: repairs dominate, safety is rare. */
const CATEGORY_WEIGHTS: [WorkOrderCategory, number][] = [
  ['repair', 45],
  ['cleaning', 25],
  ['parking', 20],
  ['safety', 10],
];

/** The Shanghai wall-clock instant of a calendar date. */
/** The same calendar date `years` later (29 February → 28 February). */
const yearsAfter = (date: string, years: number): string => {
  const [y, m, d] = date.split('-');
  return `${Number(y) + years}-${m}-${m === '02' && d === '29' ? '28' : d}`;
};
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The two complete Asia/Shanghai quarters before `now`, older first (`YYYY-Qn`). */
export function lastCompleteQuarters(now: Date): [string, string] {
  const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
  const index = year * 4 + Math.floor((month - 1) / 3) - 1;
  const name = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  return [name(index - 1), name(index)];
}

export interface DemoCompound {
  key: string;
  id: string;
  name: string;
  community: DemoCommunity;
  facts: CompoundFacts;
  /** The owner roll: every unit with its owner and exclusive area (some owners hold two units). */
  units: RollEntry[];
}

/** A community's compounds, with their units, derived from the compound key alone. */
export function demoCompounds(community: DemoCommunity): DemoCompound[] {
  return community.compounds.map((name) => {
    const key = `${community.key}:${name}`;
    const facts = COMPOUND_FACTS[name] ?? DEFAULT_FACTS;
    const random = seededRandom(seedOf(`units:${key}`));
    const units: RollEntry[] = [];
    for (let n = 0; n < facts.units; n += 1) {
      const building = Math.floor(n / UNITS_PER_BUILDING) + 1;
      const inBuilding = n % UNITS_PER_BUILDING;
      const unitId = `${building}-${Math.floor(inBuilding / 24) + 1}-${Math.floor((inBuilding % 24) / 4) + 1}0${(inBuilding % 4) + 1}`;
      // Now and then one buyer holds two neighbouring units: one owner by the per-owner headcount.
      const previous = units[units.length - 1];
      const ownerId = previous && n % 17 === 1 ? previous.ownerId : demoId('owner', `${key}:${unitId}`);
      units.push({ unitId, ownerId, areaHundredthM2: intBetween(random, 5_800, 13_800) });
    }
    return { key, id: demoId('compound', key), name, community, facts, units };
  });
}

/** The plan of the given communities (default: the whole demo street). */
export function demoPlan(scale: DemoScale, now: Date, communities: readonly DemoCommunity[] = DEMO_COMMUNITIES): DemoPlan {
  const plan: DemoPlan = { communityIds: [], compounds: [], workOrders: [], assessments: [], preparatoryGroups: [], elections: [], committees: [] };
  for (const community of communities) {
    plan.communityIds.push(community.id);
    for (const compound of demoCompounds(community)) {
      plan.compounds.push(compoundScript(compound, now));
      plan.workOrders.push(...workOrderScripts(compound, scale, now));
      plan.assessments.push(...assessmentScripts(compound, now));
      const committee = committeeScripts(compound, now);
      if (committee) {
        plan.preparatoryGroups.push({ streamId: committee.committee.streamId, steps: committee.committee.steps.slice(0, 1) });
        plan.elections.push(...committee.elections);
        if (committee.committee.steps.length > 1) plan.committees.push(committee.committee);
      }
    }
  }
  return plan;
}

/** Registered in cogov well over a year ago, with the contract in force then (signed earlier still). */
function compoundScript({ key, id: compoundId, name, community, facts, units }: DemoCompound, now: Date): DemoScript {
  const random = seededRandom(seedOf(`compound:${key}`));
  const company = DEMO_PROPERTY_COMPANIES[community.key];
  const registeredAt = daysBefore(now, 450);
  const exclusive = units.reduce((sum, u) => sum + u.areaHundredthM2, 0);
  const steps: DemoStep[] = [
    {
      at: registeredAt,
      command: {
        type: 'RegisterCompound',
        data: {
          compoundId,
          communityId: community.id,
          name,
          enclosure: facts.enclosure,
          unitCount: units.length,
          floorAreaHundredthM2: Math.round((exclusive * (100 + COMMON_PARTS_PERCENT)) / 100),
        },
      },
    },
    {
      at: new Date(registeredAt.getTime() + HOUR_MS),
      command: { type: 'RecordCompoundOccupancy', data: { compoundId, occupiedUnitCount: Math.round((units.length * facts.occupancy[0]) / 100) } },
    },
  ];
  if (!company) return { streamId: compoundStreamId(compoundId), steps };
  let signedAt = new Date(registeredAt.getTime() + 2 * HOUR_MS);
  let startsOn = shanghaiDate(daysBefore(now, intBetween(random, 420, 1_100)));
  if (facts.formerCompany) {
    // The owners dismissed the former company; the community's company took over a little over a year ago.
    const formerId = demoId('contract', `${key}:former`);
    const formerStart = shanghaiDate(daysBefore(now, 1_500));
    steps.push(
      {
        at: signedAt,
        command: {
          type: 'SignPropertyServiceContract',
          data: {
            compoundId,
            contractId: formerId,
            companyId: demoId('organisation', `property-company:${key}:former`),
            companyName: facts.formerCompany,
            unifiedSocialCreditCode: demoCreditCode(`property-company:${key}:former`),
            startsOn: formerStart,
            endsOn: yearsAfter(formerStart, 5),
          },
        },
      },
      {
        at: daysBefore(now, 400),
        command: { type: 'EndPropertyServiceContract', data: { compoundId, contractId: formerId, reason: '业主大会表决解聘，合同提前终止' } },
      },
    );
    signedAt = daysBefore(now, 395);
    startsOn = shanghaiDate(daysBefore(now, 390));
  }
  const endsOn = yearsAfter(startsOn, yearsAfter(startsOn, 3) > shanghaiDate(daysBefore(now, -90)) ? 3 : 5);
  steps.push({
    at: signedAt,
    command: {
      type: 'SignPropertyServiceContract',
      data: {
        compoundId,
        contractId: demoId('contract', key),
        companyId: company.id,
        companyName: company.name,
        unifiedSocialCreditCode: company.creditCode,
        startsOn,
        endsOn,
      },
    },
  });
  if (facts.redProperty) {
    steps.push({
      at: new Date(signedAt.getTime() + 30 * DAY_MS),
      command: { type: 'MarkRedProperty', data: { compoundId, partyOrganisationId: demoPropertyPartyBranchId(community.key) } },
    });
  }
  steps.push({
    at: daysBefore(now, 100),
    command: { type: 'RecordCompoundOccupancy', data: { compoundId, occupiedUnitCount: Math.round((units.length * facts.occupancy[1]) / 100) } },
  });
  return { streamId: compoundStreamId(compoundId), steps };
}

/**
 * Work orders opened directly by the property company's service desk (not from appeals) over the last `days`: each
 * category in the first round, then mostly repairs. Assigned within hours, completed within days (weeks when parts
 * are awaited), checked by the community's staff or the owners; now and then a completion is sent back. Steps at or after `now` are cut
 * off, so recent orders are still open, assigned or awaiting verification.
 */
function workOrderScripts({ key, id: compoundId, units, community }: DemoCompound, scale: DemoScale, now: Date): DemoScript[] {
  const random = seededRandom(seedOf(`work-orders:${key}`));
  const count = Math.max(WORK_ORDER_CATEGORIES.length, Math.round((units.length * scale.workOrdersPer100Units) / 100));
  const hours = (min: number, max: number) => (min + random() * (max - min)) * HOUR_MS;
  const scripts: DemoScript[] = [];
  for (let n = 0; n < count; n += 1) {
    const workOrderId = demoId('work-order', `${key}:${n}`);
    const category = n < WORK_ORDER_CATEGORIES.length ? WORK_ORDER_CATEGORIES[n]! : weighted(random, CATEGORY_WEIGHTS);
    const building = intBetween(random, 1, Math.ceil(units.length / UNITS_PER_BUILDING));
    const location = category === 'repair' || random() < 0.4 ? `${building}号楼${intBetween(random, 1, 2)}单元` : pick(random, PUBLIC_PLACES);
    // The first order of each compound waits for parts these days: still with its assignee.
    const waiting = n === 0 || random() < 0.05;
    const openedOn = shanghaiDate(daysBefore(now, n === 0 ? 3 : intBetween(random, 0, scale.days)));
    const assignee = `${community.key}-property.${TEAMS[category]}`;
    const urgent = category === 'safety';
    let t = shanghaiAt(openedOn, intBetween(random, 8, 17), intBetween(random, 0, 59)).getTime();
    const steps: DemoStep[] = [];
    const step = (delay: number, command: DemoCommand) => {
      t += delay;
      steps.push({ at: new Date(t), command });
    };
    step(0, {
      type: 'OpenWorkOrder',
      data: { workOrderId, compoundId, category, summary: pick(random, SUMMARIES[category]), location, appealId: null, appealCorrelationId: null },
    });
    step(urgent ? hours(0.1, 1) : hours(0.5, 8), { type: 'AssignWorkOrder', data: { workOrderId, assigneeId: assignee } });
    step(waiting ? hours(5 * 24, 20 * 24) : urgent ? hours(1, 12) : hours(3, 96), { type: 'CompleteWorkOrder', data: { workOrderId, completionNote: pick(random, COMPLETIONS[category]) } });
    if (random() < 0.12) {
      step(hours(4, 48), { type: 'RejectWorkOrderCompletion', data: { workOrderId, reason: pick(random, REJECTIONS) } });
      step(hours(12, 72), { type: 'CompleteWorkOrder', data: { workOrderId, completionNote: `返工：${pick(random, COMPLETIONS[category])}` } });
    }
    // A few completions are never checked; the others within days.
    if (random() < 0.94) step(hours(2, 120), { type: 'VerifyWorkOrder', data: { workOrderId, note: pick(random, VERIFICATIONS) } });
    const cut = steps.findIndex((s) => s.at.getTime() >= now.getTime());
    // An order "opened" later today than `now` is not in the history yet.
    if (cut !== 0) scripts.push({ streamId: workOrderStreamId(workOrderId), steps: cut === -1 ? steps : steps.slice(0, cut) });
  }
  return scripts;
}

/**
 * The quarterly assessments of the last two complete quarters, by the scheme in force (every criterion scored
 * around the compound's service quality that quarter), opened in the quarter's last month and concluded in the
 * first days after it. `appeal_satisfaction` is scored like the others here; live, the appeal workflow supplies it.
 */
function assessmentScripts({ key, id: compoundId, facts }: DemoCompound, now: Date): DemoScript[] {
  return lastCompleteQuarters(now).map((quarter, i) => {
    const random = seededRandom(seedOf(`assessment:${key}:${quarter}`));
    const { firstDay, lastDay } = requireQuarter(quarter, 'quarter');
    const openedAt = new Date(shanghaiAt(firstDay, 10).getTime() + 62 * DAY_MS);
    const quality = facts.quality[i]!;
    const steps: DemoStep[] = [{ at: openedAt, command: { type: 'OpenPropertyServiceAssessment', data: { compoundId, quarter } } }];
    defaultAssessmentScheme.criteria.forEach(({ criterion }, n) => {
      steps.push({
        at: new Date(openedAt.getTime() + (n + 1) * DAY_MS + intBetween(random, 0, 6) * HOUR_MS),
        command: { type: 'ScorePropertyServiceCriterion', data: { compoundId, quarter, criterion, score: clamp(quality + intBetween(random, -6, 6), 20, 100) } },
      });
    });
    // On or after the quarter's last day (Shanghai), and before `now`.
    const concludedAt = Math.max(shanghaiAt(lastDay, 17).getTime(), Math.min(shanghaiAt(lastDay, 10).getTime() + 6 * DAY_MS, now.getTime() - HOUR_MS));
    steps.push({ at: new Date(concludedAt), command: { type: 'ConcludePropertyServiceAssessment', data: { compoundId, quarter } } });
    return { streamId: propertyAssessmentStreamId(compoundId, quarter), steps: steps.filter((s) => s.at.getTime() < now.getTime()) };
  });
}

/** An election's turnout (share of owners who vote) and each candidate's chance of approval on a ballot. */
interface ElectionShape {
  convenedDaysAgo: number;
  turnout: number;
}

const SEATS = 5;
/** Seven candidates for five seats: five well known, two less so. */
const APPROVAL = [0.9, 0.84, 0.78, 0.74, 0.7, 0.3, 0.22];

/**
 * The formation of a compound's owners' committee. `failed_then_filed`: a first election fails the art. 278
 * turnout (too few owners take part), a second one elects all five seats, the committee is recorded and filed with
 * the street office. `elected_filed`: one election, then recording and filing. `preparing`: the group has just
 * been formed.
 */
function committeeScripts(compound: DemoCompound, now: Date): { committee: DemoScript; elections: DemoScript[] } | undefined {
  const { key, id: compoundId, facts, units, community } = compound;
  if (facts.committee === 'none') return undefined;
  const committeeId = demoId('owners-committee', key);
  const owners = [...new Set(units.map((u) => u.ownerId))];
  const formedDaysAgo = facts.committee === 'preparing' ? 20 : facts.committee === 'failed_then_filed' ? 170 : 130;
  const memberIds = [owners[3]!, owners[11]!, owners[27]!, `${community.key}-rc.staff-1`, `${DEMO_STREET.id}.staff-7`];
  const committee: DemoScript = {
    streamId: ownersCommitteeStreamId(committeeId),
    steps: [{ at: daysBefore(now, formedDaysAgo), command: { type: 'FormPreparatoryGroup', data: { committeeId, compoundId, memberIds } } }],
  };
  if (facts.committee === 'preparing') return { committee, elections: [] };

  const shapes: ElectionShape[] =
    facts.committee === 'failed_then_filed'
      ? [
          { convenedDaysAgo: 160, turnout: 0.45 },
          { convenedDaysAgo: 110, turnout: 0.82 },
        ]
      : [{ convenedDaysAgo: 100, turnout: 0.84 }];
  const candidates = [owners[3]!, owners[11]!, owners[19]!, owners[27]!, owners[40]!, owners[52]!, owners[66]!];
  const elections = shapes.map((shape, n) => electionScript(compound, committeeId, candidates, shape, n, now));
  const elected = elections[elections.length - 1]!;
  const countedAt = elected.steps[elected.steps.length - 1]!.at.getTime();
  const assemblyId = demoId('owners-assembly', `${key}:${shapes.length - 1}`);
  committee.steps.push(
    { at: new Date(countedAt + 5 * DAY_MS), command: { type: 'RecordCommitteeElection', data: { committeeId, assemblyId } } },
    {
      at: new Date(countedAt + 20 * DAY_MS),
      command: {
        type: 'FileOwnersCommittee',
        data: { committeeId, filedWith: DEMO_STREET.id, filingNumber: `朝业备〔${shanghaiDate(new Date(countedAt)).slice(0, 4)}〕${String(seedOf(key) % 90 + 10)}号` },
      },
    },
  );
  return { committee, elections };
}

/**
 * One election: convened by the preparatory group, the whole roll recorded, the candidates nominated, voting
 * open for two weeks, one ballot per unit (an owner of two units casts the same ballot for both), counted.
 */
function electionScript(
  { key, units }: DemoCompound,
  committeeId: string,
  candidates: readonly string[],
  shape: ElectionShape,
  n: number,
  now: Date,
): DemoScript {
  const random = seededRandom(seedOf(`election:${key}:${n}`));
  const assemblyId = demoId('owners-assembly', `${key}:${n}`);
  const convenedAt = daysBefore(now, shape.convenedDaysAgo);
  const steps: DemoStep[] = [
    {
      at: convenedAt,
      command: { type: 'ConveneCommitteeElection', data: { assemblyId, committeeId, seats: SEATS, motion: n === 0 ? '选举第一届业主委员会' : '选举第一届业主委员会（再次召开）' } },
    },
  ];
  units.forEach((unit, i) => {
    steps.push({ at: new Date(convenedAt.getTime() + DAY_MS + i * 60_000), command: { type: 'RecordOwnerOnRoll', data: { assemblyId, ...unit } } });
  });
  candidates.forEach((candidateId, i) => {
    steps.push({ at: new Date(convenedAt.getTime() + 8 * DAY_MS + i * HOUR_MS), command: { type: 'NominateCommitteeCandidate', data: { assemblyId, candidateId } } });
  });
  const votingFrom = convenedAt.getTime() + 15 * DAY_MS;
  steps.push({ at: new Date(votingFrom), command: { type: 'OpenAssemblyVoting', data: { assemblyId } } });
  const ballotOf = new Map<string, string[]>();
  for (const ownerId of new Set(units.map((u) => u.ownerId))) {
    if (random() >= shape.turnout) continue;
    const approved = candidates.filter((_, i) => random() < APPROVAL[i]!).slice(0, SEATS);
    ballotOf.set(ownerId, approved);
  }
  const ballots = units
    .filter((u) => ballotOf.has(u.ownerId))
    .map((u) => ({ unitId: u.unitId, approvedCandidateIds: ballotOf.get(u.ownerId)!, at: votingFrom + HOUR_MS + random() * 13 * DAY_MS }))
    .sort((a, b) => a.at - b.at);
  for (const { unitId, approvedCandidateIds, at } of ballots) {
    steps.push({ at: new Date(at), command: { type: 'CastElectionBallot', data: { assemblyId, unitId, approvedCandidateIds } } });
  }
  steps.push({ at: new Date(votingFrom + 15 * DAY_MS), command: { type: 'CountAssemblyVote', data: { assemblyId } } });
  return { streamId: ownersAssemblyStreamId(assemblyId), steps };
}
