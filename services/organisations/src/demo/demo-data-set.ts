/**
 * Co-building in the demo street as a plan: which organisations, pairings and shared facilities exist and,
 * per aggregate, the commands that make its history, each with the instant it happened. Pure and seeded —
 * the same scale and `now` give the same plan — so the loader can run it through the real command handlers
 * and a re-run can tell what is already there.
 *
 * Every step appends exactly one event to its stream: the loader skips the first `streamVersion` steps of a
 * stream, which makes a second run add nothing and an interrupted run resume where it stopped.
 */
import {
  DAY_MS,
  DEMO_COMMUNITIES,
  DEMO_PROPERTY_COMPANIES,
  DEMO_STATIONED_UNITS,
  HOUR_MS,
  MAIN_DEMO_COMMUNITY,
  addDays,
  demoCreditCode,
  demoId,
  demoPairingVolunteerIds,
  demoResidentId,
  demoVolunteerTeamId,
  intBetween,
  pick,
  sample,
  seededRandom,
  shanghaiDate,
  shanghaiInstant as at,
  shortCommunityName as shortName,
  type DemoCommunity,
  type DemoScript as KitDemoScript,
  type DemoStep as KitDemoStep,
  type Random,
} from '@cogov/service-kit';
import type { BookSharedFacility, CancelFacilityBooking, OfferSharedFacility } from '../facility/facility.decide.js';
import type { Booker, FacilityKind, OpeningWindow } from '../facility/facility.events.js';
import type { CompleteIncubation, RecordLegalRegistration, RegisterOrganisation } from '../organisation/organisation.decide.js';
import type { OrganisationType } from '../organisation/organisation.events.js';
import type {
  AmendPairingPledge,
  DisburseSupportFund,
  EndPairing,
  EstablishPairing,
  RecordPairingActivity,
  ReviewPairing,
  SetMonthlyTheme,
} from '../pairing/pairing.decide.js';
import type { PairingRating } from '../pairing/pairing.events.js';

export interface DemoScale {
  /** How far back the co-building history goes (pairings are established in its first weeks). */
  days: number;
}

export const FULL_SCALE: DemoScale = { days: 180 };

/** One command of the plan, as data: the loader turns it into the handler's command. */
export type DemoCommand =
  | { type: 'RegisterOrganisation'; data: RegisterOrganisation['data'] }
  | { type: 'CompleteIncubation'; data: CompleteIncubation['data'] }
  | { type: 'RecordLegalRegistration'; data: RecordLegalRegistration['data'] }
  | { type: 'EstablishPairing'; data: EstablishPairing['data'] }
  | { type: 'AmendPairingPledge'; data: AmendPairingPledge['data'] }
  | { type: 'SetMonthlyTheme'; data: SetMonthlyTheme['data'] }
  | { type: 'RecordPairingActivity'; data: RecordPairingActivity['data'] }
  | { type: 'DisburseSupportFund'; data: DisburseSupportFund['data'] }
  | { type: 'ReviewPairing'; data: ReviewPairing['data'] }
  | { type: 'EndPairing'; data: EndPairing['data'] }
  | { type: 'OfferSharedFacility'; data: OfferSharedFacility['data'] }
  | { type: 'BookSharedFacility'; data: BookSharedFacility['data'] }
  | { type: 'CancelFacilityBooking'; data: CancelFacilityBooking['data'] };

export type DemoStep = KitDemoStep<DemoCommand>;
export type DemoScript = KitDemoScript<DemoCommand>;

export interface DemoPlan {
  communityIds: string[];
  organisations: DemoScript[];
  pairings: DemoScript[];
  facilities: DemoScript[];
}

/** The instant of a wall-clock time on an Asia/Shanghai calendar date. */

/** The street's monthly theme (每月一主题), by calendar month. */
const MONTH_THEMES = [
  '迎新春·送温暖',
  '邻里守望·欢度元宵',
  '学雷锋·志愿服务月',
  '全民国家安全教育',
  '劳动创造美好生活',
  '安全生产月',
  '党建引领·共建共享',
  '防汛安全·清凉一夏',
  '尊师重教',
  '敬老爱老·重阳关怀',
  '消防安全宣传月',
  '法治宣传·宪法宣传周',
] as const;

interface UnitProfile {
  type: OrganisationType;
  address: string;
  commitments: string[];
  pledgedFen: number;
  activities: string[];
  rating: PairingRating;
  /** A pledge raised during the history, and why. */
  amendment?: { pledgedFen: number; reason: string };
  /** Why the pairing ended a few weeks before `now`. */
  endReason?: string;
  /** Holds no activity in the last full month before `now`: a shortfall the street's monthly report names. */
  idleLastFullMonth?: true;
  facility?: { kind: FacilityKind; name: string; capacity: number; openingHours: OpeningWindow[]; uses: { purpose: string; attendees: number; booker: (community: DemoCommunity, random: Random) => Booker }[] };
}

const week = (days: number[], opens: string, closes: string): OpeningWindow[] => days.map((weekday) => ({ weekday, opens, closes }));
const committee = (community: DemoCommunity): Booker => ({ kind: 'residents_committee', id: `${community.key}-rc` });
const team = (category: string) => (community: DemoCommunity): Booker => ({ kind: 'volunteer_team', id: demoVolunteerTeamId(community.key, category) });
const resident = (community: DemoCommunity, random: Random): Booker => ({ kind: 'resident', id: demoResidentId(community.key, intBetween(random, 0, Math.min(community.residents, 300) - 1)) });

/** What each stationed unit (DEMO_STATIONED_UNITS, by key) is and does in its pairing. */
const UNIT_PROFILES: Readonly<Record<string, UnitProfile>> = {
  'unit:xingfuli-primary-school': {
    type: 'school',
    address: '朝阳区幸福里18号',
    commitments: ['周末和节假日开放操场', '共办“四点半课堂”', '组织学生参与社区志愿服务'],
    pledgedFen: 600_000,
    activities: ['四点半课堂', '亲子运动会', '小手拉大手·垃圾分类宣传', '科普进社区', '少先队员慰问孤寡老人'],
    rating: 'good',
    amendment: { pledgedFen: 800_000, reason: '增加操场夜间照明改造经费' },
    facility: {
      kind: 'sports_ground',
      name: '幸福里小学操场',
      capacity: 300,
      openingHours: [...week([1, 2, 3, 4, 5], '17:30', '20:30'), ...week([6, 7], '08:00', '18:00')],
      uses: [
        { purpose: '社区居民健步走比赛', attendees: 150, booker: committee },
        { purpose: '广场舞展演排练', attendees: 40, booker: team('cultural') },
        { purpose: '少儿足球周末训练', attendees: 24, booker: resident },
        { purpose: '社区趣味运动会', attendees: 200, booker: committee },
      ],
    },
  },
  'unit:chaoyang-second-hospital': {
    type: 'hospital',
    address: '朝阳区幸福里南街5号',
    commitments: ['每月一次社区义诊', '为65岁以上老人建立健康档案', '家庭医生签约绿色通道'],
    pledgedFen: 1_000_000,
    activities: ['义诊进社区', '健康讲座：高血压防治', '老年人免费体检', '急救知识培训（心肺复苏）', '流感疫苗接种咨询'],
    rating: 'excellent',
  },
  'unit:xingfuli-tax-office': {
    type: 'government_body',
    address: '朝阳区幸福里北路9号',
    commitments: ['个税汇算政策进社区宣讲', '为小微商户提供办税辅导'],
    pledgedFen: 500_000,
    activities: ['个税汇算政策宣讲', '小微商户办税辅导', '税收普法宣传'],
    rating: 'pass',
    endReason: '税务所机构调整，迁出本辖区',
  },
  'unit:chaoyang-power-supply': {
    type: 'state_enterprise',
    address: '朝阳区朝阳路66号',
    commitments: ['老旧小区线路安全排查', '独居老人家中用电设施义务检修', '支持社区电动车充电桩建设'],
    pledgedFen: 2_000_000,
    activities: ['安全用电入户检查', '老旧小区线路排查', '电动车充电安全宣传', '独居老人家电义务检修'],
    rating: 'excellent',
    idleLastFullMonth: true,
    facility: {
      kind: 'activity_room',
      name: '朝阳供电公司职工活动室',
      capacity: 40,
      openingHours: [...week([1, 2, 3, 4, 5], '18:30', '21:00'), ...week([6], '09:00', '17:00')],
      uses: [
        { purpose: '老年书法班', attendees: 20, booker: committee },
        { purpose: '平安巡逻队员培训', attendees: 25, booker: team('public_safety') },
        { purpose: '居民议事会', attendees: 30, booker: committee },
      ],
    },
  },
  'unit:icbc-hepingli': {
    type: 'state_enterprise',
    address: '朝阳区和平里东街21号',
    commitments: ['防范电信网络诈骗宣传', '适老化金融服务上门', '资助社区老年餐桌'],
    pledgedFen: 3_000_000,
    activities: ['防范电信诈骗宣传', '金融知识进社区', '适老化金融服务上门', '反假币知识讲座'],
    rating: 'excellent',
    amendment: { pledgedFen: 3_600_000, reason: '追加老年餐桌运营补贴' },
  },
  'unit:hepingli-middle-school': {
    type: 'school',
    address: '朝阳区和平里西街8号',
    commitments: ['周末开放图书馆和运动场', '组织学生参与社区志愿服务'],
    pledgedFen: 500_000,
    activities: ['学生志愿者社区服务日', '青少年读书分享会', '文明交通劝导'],
    rating: 'good',
    facility: {
      kind: 'canteen',
      name: '和平里一中教工食堂',
      capacity: 80,
      openingHours: week([6, 7], '11:00', '13:30'),
      uses: [
        { purpose: '周末老年助餐', attendees: 60, booker: team('elder_care') },
        { purpose: '敬老午餐会', attendees: 70, booker: committee },
      ],
    },
  },
  'unit:chaoyang-library-guangming': {
    type: 'public_institution',
    address: '朝阳区光明路2号',
    commitments: ['设立社区图书流通点', '每月举办亲子阅读活动'],
    pledgedFen: 500_000,
    activities: ['亲子绘本阅读会', '图书漂流', '老年人智能手机课堂'],
    rating: 'good',
    facility: {
      kind: 'meeting_room',
      name: '光明分馆多功能厅',
      capacity: 60,
      openingHours: week([2, 3, 4, 5, 6, 7], '09:00', '20:00'),
      uses: [
        { purpose: '亲子绘本阅读会', attendees: 30, booker: resident },
        { purpose: '四点半课堂', attendees: 25, booker: team('education') },
        { purpose: '光明读书会月度分享', attendees: 20, booker: () => ({ kind: 'organisation', id: demoId('organisation', 'social:guangming-readers') }) },
      ],
    },
  },
  'unit:guangming-police-station': {
    type: 'government_body',
    address: '朝阳区光明路16号',
    commitments: ['每周联合平安巡逻', '反诈宣传进楼门', '矛盾纠纷联合调解'],
    pledgedFen: 500_000,
    activities: ['联合平安巡逻', '反诈宣传进楼门', '邻里纠纷联合调解', '消防安全检查'],
    rating: 'good',
  },
};

interface SocialOrganisation {
  key: string;
  communityKey: string;
  name: string;
  address: string;
  /** Where it stands when registered, and the stage moves during the history (days after it). */
  registeredAs: 'incubating' | 'incubated' | 'registered';
  incubatedAfterDays?: number;
  legallyRegisteredAfterDays?: number;
}

const SOCIAL_ORGANISATIONS: readonly SocialOrganisation[] = [
  { key: 'social:xingfuli-elder-care', communityKey: 'xingfuli', name: '幸福里夕阳红助老服务中心', address: '幸福里社区党群服务中心二层', registeredAs: 'registered' },
  { key: 'social:xingfuli-neighbours', communityKey: 'xingfuli', name: '幸福里邻里互助会', address: '幸福小区7号楼活动室', registeredAs: 'incubating', incubatedAfterDays: 75 },
  { key: 'social:hepingli-arts', communityKey: 'hepingli', name: '和平里文体协会', address: '和平里社区文化活动室', registeredAs: 'incubated', legallyRegisteredAfterDays: 100 },
  { key: 'social:guangming-readers', communityKey: 'guangming', name: '光明读书会', address: '光明社区党群服务中心阅览室', registeredAs: 'incubating' },
];

const socialOrganisationId = (social: SocialOrganisation): string => demoId('organisation', social.key);

/** A partner NGO of the demo: the organisation whose administrator `npm start` mints a token for. */
export interface DemoPartnerOrganisation {
  organisationId: string;
  name: string;
  communityId: string;
}

/**
 * The partner NGO of a community (default: the main one, 幸福里社区): its first social organisation, registered
 * by every plan that includes the community. Fixed by the data set, whatever the scale or `now`.
 */
export function demoPartnerOrganisation(community: DemoCommunity = MAIN_DEMO_COMMUNITY): DemoPartnerOrganisation {
  const social = SOCIAL_ORGANISATIONS.find((s) => s.communityKey === community.key);
  if (!social) throw new Error(`no demo social organisation in community ${community.key}`);
  return { organisationId: socialOrganisationId(social), name: social.name, communityId: community.id };
}

const PROPERTY_ADDRESSES: Readonly<Record<string, string>> = {
  xingfuli: '朝阳区幸福小区3号楼底商',
  hepingli: '朝阳区和平里东区12号楼一层',
  guangming: '朝阳区光明花园1号楼一层',
};

const REVIEW_COMMENTS: Record<PairingRating, string> = {
  excellent: '承诺事项全部落实，活动形式丰富，居民反响好',
  good: '按计划开展共建活动，资金拨付及时',
  pass: '活动次数偏少，与社区沟通有待加强',
  fail: '承诺事项大多未落实',
};
const PURPOSES = ['购置社区图书', '慰问困难老人', '老年餐桌运营补贴', '社区文化活动经费', '购置急救设备（AED）', '楼道照明改造', '困难家庭学生助学金'];

/** `YYYY-Qn` of the last quarter that ended at least three weeks before `now`, and the instant it ended. */
function lastReviewedQuarter(now: number): { period: string; endedAt: number } {
  const today = shanghaiDate(new Date(now));
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    // The quarter before (year, quarter) ended when this one began.
    const endedAt = at(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`, '00:00');
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
    if (endedAt + 21 * DAY_MS <= now) return { period: `${year}-Q${quarter}`, endedAt };
  }
}

/**
 * The plan of the given communities of the demo street (default: all of them). Ids derive from stable keys,
 * so a plan of one community and a plan of all three agree on what they share.
 */
export function demoPlan(scale: DemoScale, now: Date, communities: readonly DemoCommunity[] = DEMO_COMMUNITIES): DemoPlan {
  const random = seededRandom(20261122);
  const end = now.getTime();
  const start = end - scale.days * DAY_MS;
  const inScope = new Set(communities.map((c) => c.key));
  const communityOf = (key: string): DemoCommunity => communities.find((c) => c.key === key)!;
  const register = (t: number, data: RegisterOrganisation['data']): DemoStep => ({ at: new Date(t), command: { type: 'RegisterOrganisation', data } });

  const organisations: DemoScript[] = [];
  // Property companies first: they have served their compounds for years.
  for (const [i, community] of communities.entries()) {
    const company = DEMO_PROPERTY_COMPANIES[community.key];
    if (!company) continue;
    organisations.push({
      streamId: `organisation-${company.id}`,
      steps: [
        register(start - 30 * DAY_MS + i * HOUR_MS, {
          organisationId: company.id,
          communityId: community.id,
          name: company.name,
          type: 'private_enterprise',
          creditCode: company.creditCode,
          incubationStage: null,
          address: PROPERTY_ADDRESSES[community.key] ?? `${community.compounds[0]}物业服务中心`,
        }),
      ],
    });
  }
  const units = DEMO_STATIONED_UNITS.filter((unit) => inScope.has(unit.communityKey));
  for (const [i, unit] of units.entries()) {
    const profile = UNIT_PROFILES[unit.key];
    if (!profile) throw new Error(`no demo profile for stationed unit ${unit.key}`);
    organisations.push({
      streamId: `organisation-${unit.id}`,
      steps: [
        register(start - 20 * DAY_MS + i * HOUR_MS, {
          organisationId: unit.id,
          communityId: communityOf(unit.communityKey).id,
          name: unit.name,
          type: profile.type,
          creditCode: unit.creditCode,
          incubationStage: null,
          address: profile.address,
        }),
      ],
    });
  }
  for (const [i, social] of SOCIAL_ORGANISATIONS.filter((s) => inScope.has(s.communityKey)).entries()) {
    const organisationId = socialOrganisationId(social);
    const registeredAt = start - 15 * DAY_MS + i * HOUR_MS;
    const creditCode = demoCreditCode(social.key);
    const steps: DemoStep[] = [
      register(registeredAt, {
        organisationId,
        communityId: communityOf(social.communityKey).id,
        name: social.name,
        type: 'social_organisation',
        creditCode: social.registeredAs === 'registered' ? creditCode : null,
        incubationStage: social.registeredAs,
        address: social.address,
      }),
    ];
    if (social.incubatedAfterDays !== undefined) {
      steps.push({ at: new Date(registeredAt + social.incubatedAfterDays * DAY_MS), command: { type: 'CompleteIncubation', data: { organisationId } } });
    }
    if (social.legallyRegisteredAfterDays !== undefined) {
      steps.push({
        at: new Date(registeredAt + social.legallyRegisteredAfterDays * DAY_MS),
        command: { type: 'RecordLegalRegistration', data: { organisationId, creditCode } },
      });
    }
    organisations.push({ streamId: `organisation-${organisationId}`, steps: steps.filter((s) => s.at.getTime() < end) });
  }

  const review = lastReviewedQuarter(end);
  const pairings = units.map((unit, i) => pairingScript(random, unit, UNIT_PROFILES[unit.key]!, communityOf(unit.communityKey), i, start, end, review));
  const facilities = units.flatMap((unit) => {
    const profile = UNIT_PROFILES[unit.key]!;
    return profile.facility ? [facilityScript(random, unit.id, unit.key, profile, communityOf(unit.communityKey), start, end)] : [];
  });
  return { communityIds: communities.map((c) => c.id), organisations, pairings, facilities };
}

/**
 * One pairing's life: established in the first weeks of the history, a theme every month (once replaced
 * before the month's activities), one or two activities a month with the unit's staff, residents and some of
 * the community's pairing volunteers, disbursements that never pass the pledge (one pledge raised on the way),
 * the last quarter's review, for one unit the end of the pairing a few weeks ago, and for another no activity in
 * the last full month (the monthly report's shortfall).
 */
function pairingScript(
  random: Random,
  unit: { key: string; id: string },
  profile: UnitProfile,
  community: DemoCommunity,
  index: number,
  start: number,
  end: number,
  review: { period: string; endedAt: number },
): DemoScript {
  const pairingId = demoId('pairing', unit.key);
  const establishedOn = addDays(shanghaiDate(new Date(start)), 3 + index * 2);
  const establishedAt = at(establishedOn, '10:00');
  const endedAt = profile.endReason ? end - 25 * DAY_MS : undefined;
  const until = endedAt ?? end;
  const volunteers = demoPairingVolunteerIds(community.key);
  const places = [`${shortName(community)}社区党群服务中心`, `${community.compounds[0]}中心广场`, profile.address];
  const endMonth = shanghaiDate(new Date(end)).slice(0, 7);
  const lastFullMonth = new Date(Date.UTC(Number(endMonth.slice(0, 4)), Number(endMonth.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  const steps: DemoStep[] = [
    {
      at: new Date(establishedAt),
      command: {
        type: 'EstablishPairing',
        data: { pairingId, organisationId: unit.id, communityId: community.id, commitments: profile.commitments, pledgedFen: profile.pledgedFen },
      },
    },
  ];
  const push = (t: number, command: DemoCommand) => {
    if (t < until) steps.push({ at: new Date(t), command });
  };

  for (let month = establishedOn.slice(0, 7), n = 0; `${month}-01` <= shanghaiDate(new Date(until)); n += 1) {
    const theme = MONTH_THEMES[Number(month.slice(5, 7)) - 1]!;
    const first = n === 0;
    const themeAt = first ? establishedAt + 2 * HOUR_MS : at(`${month}-01`, '09:00') + index * 5 * 60_000;
    // Once in its history the school sets a theme of its own, then takes the street's the next day.
    const replaced = n === 2 && profile.type === 'school';
    if (replaced) push(themeAt, { type: 'SetMonthlyTheme', data: { pairingId, month, theme: '文明养犬·共建美丽家园' } });
    push(themeAt + (replaced ? DAY_MS : 0), { type: 'SetMonthlyTheme', data: { pairingId, month, theme } });
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const firstDay = first ? Number(establishedOn.slice(8, 10)) + 2 : replaced ? 4 : 3;
    const count = random() < 0.5 ? 2 : 1;
    // Drawn all the same, so the rest of the data set stays as it was.
    const idle = profile.idleLastFullMonth === true && month === lastFullMonth;
    for (let a = 0; a < count && firstDay <= lastDay; a += 1) {
      const day = intBetween(random, firstDay, lastDay);
      const heldOn = `${month}-${String(day).padStart(2, '0')}`;
      const serving = random() < 0.75 ? sample(random, volunteers, intBetween(random, 2, 5)) : [];
      const heldAt = at(heldOn, '18:00') + intBetween(random, 0, 48) * HOUR_MS;
      const title = pick(random, profile.activities);
      const place = pick(random, places);
      const staffCount = intBetween(random, 3, 15);
      const residentCount = intBetween(random, 20, 120);
      const minutes = serving.length > 0 ? pick(random, [90, 120, 150, 180]) : null;
      if (idle) continue;
      push(heldAt, {
        type: 'RecordPairingActivity',
        data: {
          pairingId,
          activityId: demoId('pairing-activity', `${unit.key}:${month}:${a}`),
          title,
          heldOn,
          place,
          staffCount,
          residentCount,
          volunteerIds: serving,
          volunteerMinutes: minutes,
        },
      });
    }
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
    month = next.toISOString().slice(0, 7);
  }

  // Money: three tranches of about a third of the pledge over the history, the last one after a raised pledge
  // where there is one.
  const span = end - establishedAt;
  let pledged = profile.pledgedFen;
  let disbursed = 0;
  const tranche = (share: number, n: number) => {
    const t = establishedAt + [0.06, 0.4, 0.75][n]! * span;
    const amountFen = Math.min(pledged - disbursed, Math.round((pledged * share) / 10_000) * 10_000);
    if (amountFen <= 0 || t >= until) return;
    disbursed += amountFen;
    push(t, { type: 'DisburseSupportFund', data: { pairingId, disbursementId: demoId('disbursement', `${unit.key}:${n}`), amountFen, purpose: pick(random, PURPOSES) } });
  };
  tranche(0.35, 0);
  tranche(0.3, 1);
  if (profile.amendment && establishedAt + 0.6 * span < until) {
    push(establishedAt + 0.6 * span, { type: 'AmendPairingPledge', data: { pairingId, ...profile.amendment } });
    pledged = profile.amendment.pledgedFen;
  }
  tranche(0.3, 2);

  const reviewedAt = review.endedAt + intBetween(random, 8, 18) * DAY_MS + 15 * HOUR_MS;
  if (establishedAt < review.endedAt && reviewedAt < end) {
    // A review is given to an ended pairing too: `push` would drop it after the end.
    steps.push({ at: new Date(reviewedAt), command: { type: 'ReviewPairing', data: { pairingId, period: review.period, rating: profile.rating, comments: REVIEW_COMMENTS[profile.rating] } } });
  }
  if (endedAt !== undefined && profile.endReason) steps.push({ at: new Date(endedAt), command: { type: 'EndPairing', data: { pairingId, reason: profile.endReason } } });
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { streamId: `pairing-${pairingId}`, steps: steps.filter((s) => s.at.getTime() < end) };
}

/**
 * A facility the unit opens to the community early in the history, booked every other week or so over the last
 * two months and for the coming fortnight, one booking cancelled the day before.
 */
function facilityScript(random: Random, organisationId: string, unitKey: string, profile: UnitProfile, community: DemoCommunity, start: number, end: number): DemoScript {
  const facility = profile.facility!;
  const facilityId = demoId('facility', unitKey);
  const steps: DemoStep[] = [
    {
      at: new Date(start + 5 * DAY_MS),
      command: {
        type: 'OfferSharedFacility',
        data: { facilityId, organisationId, communityId: community.id, kind: facility.kind, name: facility.name, address: profile.address, capacity: facility.capacity, openingHours: facility.openingHours },
      },
    },
  ];
  const today = shanghaiDate(new Date(end));
  // Four bookings in the last two months, two in the coming fortnight.
  for (const [n, offset] of [-56, -42, -28, -14, 3, 10].entries()) {
    let day = addDays(today, offset + intBetween(random, 0, 3));
    // The next day the facility is open.
    let window: OpeningWindow | undefined;
    for (let tries = 0; tries < 7 && !window; tries += 1) {
      const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      window = facility.openingHours.find((w) => w.weekday === weekday);
      if (!window) day = addDays(day, 1);
    }
    if (!window) continue;
    const opens = at(day, window.opens);
    const closes = window.closes === '24:00' ? at(addDays(day, 1), '00:00') : at(day, window.closes);
    const startsAt = opens;
    const endsAt = Math.min(closes, opens + 2 * HOUR_MS);
    const use = pick(random, facility.uses);
    const bookingId = demoId('facility-booking', `${unitKey}:${n}`);
    // A few days ahead; the coming ones were booked in the last days.
    const bookedAt = Math.min(startsAt - intBetween(random, 2, 9) * DAY_MS - intBetween(random, 1, 6) * HOUR_MS, end - intBetween(random, 2, 72) * HOUR_MS);
    steps.push({
      at: new Date(bookedAt),
      command: {
        type: 'BookSharedFacility',
        data: {
          facilityId,
          bookingId,
          bookedBy: use.booker(community, random),
          purpose: use.purpose,
          attendees: Math.min(facility.capacity, use.attendees),
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(endsAt).toISOString(),
        },
      },
    });
    if (n === 1 && startsAt - DAY_MS < end) {
      steps.push({ at: new Date(startsAt - DAY_MS), command: { type: 'CancelFacilityBooking', data: { facilityId, bookingId, reason: '天气预报有大雨，活动改期' } } });
    }
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { streamId: `facility-${facilityId}`, steps };
}

