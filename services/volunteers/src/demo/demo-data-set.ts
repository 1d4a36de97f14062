/**
 * Volunteering in the demo street as a plan: which teams, volunteers, service opportunities and hours ledgers
 * exist and, per aggregate, the commands that make its history, each with the instant it happened. Pure and
 * seeded — the same scale and `now` give the same plan — so the loader can run it through the real command
 * handlers and a re-run can tell what is already there.
 *
 * Every step appends exactly one event to its stream: the loader skips the first `streamVersion` steps of a
 * stream, which makes a second run add nothing and an interrupted run resume where it stopped. That is why no
 * ledger is planned up to a star level (reaching one appends a second event), and why the ledgers of the
 * pairing volunteers (`DEMO_PAIRING_VOLUNTEERS`) are left to the workflow that records their pairing hours.
 */
import {
  DAY_MS,
  DEMO_PAIRING_VOLUNTEERS,
  DEMO_STATIONED_UNITS,
  HOUR_MS,
  MAIN_DEMO_COMMUNITY,
  demoId,
  demoResidentId,
  demoVolunteerId,
  demoVolunteerTeamId,
  fakeBirthDate,
  fakeIdNumber,
  fakeName,
  fakePhone,
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
} from '@cogov/service-kit';
import type { RecordServiceHoursData } from '../hours-ledger/record-service-hours/record-service-hours.handler.js';
import type { PublishServiceOpportunityData } from '../opportunity/publish-service-opportunity/publish-service-opportunity.handler.js';
import type { TeamCategory } from '../team/team.events.js';
import type { RegisterVolunteerData } from '../volunteer/register-volunteer/register-volunteer.handler.js';

export interface DemoScale {
  volunteers: number;
  opportunities: number;
  /** How far back the history goes (teams and the first volunteers are there a little before it). */
  days: number;
}

const SIZES: Readonly<Record<string, { volunteers: number; opportunities: number }>> = {
  xingfuli: { volunteers: 120, opportunities: 52 },
  hepingli: { volunteers: 40, opportunities: 16 },
  guangming: { volunteers: 30, opportunities: 12 },
};

/** The scale of a demo community: about one resident in twenty volunteers. */
export const scaleOf = (community: DemoCommunity): DemoScale => ({
  ...(SIZES[community.key] ?? { volunteers: Math.round(community.residents / 20), opportunities: Math.round(community.residents / 70) }),
  days: 180,
});

/** One command of the plan, as data: the loader turns it into the handler's command. */
export type DemoCommand =
  | { type: 'FormVolunteerTeam'; data: { teamId: string; communityId: string; name: string; category: TeamCategory } }
  | { type: 'RegisterVolunteer'; data: RegisterVolunteerData }
  | { type: 'JoinVolunteerTeam'; data: { volunteerId: string; teamId: string } }
  | {
      type: 'RecordVolunteerTraining';
      data: { volunteerId: string; trainingId: string; course: string; provider: string; completedOn: string; trainingMinutes: number };
    }
  | { type: 'SuspendVolunteer'; data: { volunteerId: string; reason: string } }
  | { type: 'ReinstateVolunteer'; data: { volunteerId: string } }
  | { type: 'PublishServiceOpportunity'; data: PublishServiceOpportunityData }
  | { type: 'SignUpForOpportunity'; data: { opportunityId: string; volunteerId: string } }
  | { type: 'WithdrawFromOpportunity'; data: { opportunityId: string; volunteerId: string; reason: string } }
  | { type: 'CheckInVolunteer'; data: { opportunityId: string; volunteerId: string } }
  | { type: 'CheckOutVolunteer'; data: { opportunityId: string; volunteerId: string } }
  | { type: 'VerifyServiceHours'; data: { opportunityId: string; volunteerId: string; servedMinutes: number } }
  | { type: 'CompleteServiceOpportunity'; data: { opportunityId: string } }
  | { type: 'RecordServiceHours'; data: RecordServiceHoursData }
  | { type: 'IssueServiceCertificate'; data: { volunteerId: string; communityId: string; certificateId: string } };

export type DemoStep = KitDemoStep<DemoCommand>;
export type DemoScript = KitDemoScript<DemoCommand>;

export interface DemoPlan {
  communityId: string;
  teams: DemoScript[];
  volunteers: DemoScript[];
  opportunities: DemoScript[];
  ledgers: DemoScript[];
}

const MINUTE_MS = 60_000;
/** Below one star (100 h): reaching a star level appends a second event, which a demo step may not. */
const LEDGER_CAP_MINUTES = 95 * 60;

/** The teams each demo community has formed, by category; other communities get the first three. */
const TEAMS: Readonly<Record<string, readonly TeamCategory[]>> = {
  xingfuli: ['elder_care', 'judicial', 'medical', 'cultural', 'environmental', 'public_safety'],
  hepingli: ['elder_care', 'public_safety', 'cultural'],
  guangming: ['elder_care', 'sanitation', 'education'],
};

interface CategoryProfile {
  team: string;
  skills: string[];
  services: { title: string; content: string; minutes: number; clock: string }[];
}

const CATEGORIES: Readonly<Partial<Record<TeamCategory, CategoryProfile>>> = {
  elder_care: {
    team: '助老志愿服务队',
    skills: ['助老陪护', '理发', '按摩推拿', '烹饪'],
    services: [
      { title: '独居老人上门探访', content: '走访独居老人，了解生活困难，检查家中水电燃气安全', minutes: 150, clock: '09:00' },
      { title: '老年餐桌送餐服务', content: '为行动不便的高龄老人送餐上门', minutes: 120, clock: '11:00' },
      { title: '义务理发进社区', content: '为社区老人免费理发', minutes: 180, clock: '09:00' },
    ],
  },
  judicial: {
    team: '法律服务志愿队',
    skills: ['法律咨询', '人民调解'],
    services: [{ title: '法律咨询进社区', content: '现场解答婚姻家庭、物业纠纷、劳动争议等法律问题', minutes: 150, clock: '14:00' }],
  },
  medical: {
    team: '医疗卫生志愿服务队',
    skills: ['急救', '护理', '心理疏导'],
    services: [
      { title: '社区义诊协助', content: '协助医生测量血压血糖，维持义诊现场秩序', minutes: 180, clock: '09:00' },
      { title: '应急救护知识普及', content: '讲解心肺复苏和AED使用方法', minutes: 120, clock: '14:00' },
    ],
  },
  cultural: {
    team: '文艺志愿服务队',
    skills: ['文艺演出', '书法', '摄影'],
    services: [
      { title: '社区文艺汇演', content: '组织排练和演出，丰富居民文化生活', minutes: 180, clock: '14:00' },
      { title: '书法进社区', content: '为居民书写春联、福字，开展书法教学', minutes: 150, clock: '09:00' },
    ],
  },
  environmental: {
    team: '环保志愿服务队',
    skills: ['垃圾分类宣传', '园艺'],
    services: [
      { title: '垃圾分类桶前值守', content: '在垃圾投放点指导居民正确分类投放', minutes: 120, clock: '07:00' },
      { title: '绿地认养养护', content: '清理绿地垃圾，修剪灌木，浇水养护', minutes: 150, clock: '09:00' },
    ],
  },
  public_safety: {
    team: '平安巡逻志愿队',
    skills: ['治安巡逻', '消防安全'],
    services: [
      { title: '夜间平安巡逻', content: '巡查楼道、车棚和小区出入口，发现隐患及时上报', minutes: 120, clock: '19:00' },
      { title: '消防通道清理', content: '劝导移走占用消防通道的车辆和杂物', minutes: 120, clock: '09:00' },
    ],
  },
  sanitation: {
    team: '环境卫生志愿服务队',
    skills: ['环境整治', '垃圾分类宣传'],
    services: [{ title: '楼道清理', content: '清理楼道堆放杂物，消除消防隐患', minutes: 150, clock: '09:00' }],
  },
  education: {
    team: '青少年课业辅导志愿队',
    skills: ['课业辅导', '英语辅导'],
    services: [{ title: '四点半课堂辅导', content: '为双职工家庭的小学生辅导作业', minutes: 120, clock: '16:30' }],
  },
};

const GENERAL_SKILLS = ['驾驶', '电脑维修', '家电维修', '心理疏导', '摄影', '急救'];
const COURSES = [
  { course: '志愿服务基础知识培训', provider: '朝阳区志愿服务联合会', minutes: 120 },
  { course: '应急救护培训', provider: '北京市红十字会', minutes: 240 },
  { course: '老年人照护技能培训', provider: '朝阳区民政局', minutes: 180 },
  { course: '消防安全知识培训', provider: '朝阳区消防救援支队', minutes: 90 },
  { course: '垃圾分类指导员培训', provider: '朝阳区城市管理委员会', minutes: 120 },
];
const OTHER_SERVICES = [
  { activity: '冬季扫雪铲冰', content: '清扫小区主干道和单元门口积雪' },
  { activity: '疫苗接种点现场引导', content: '引导居民排队登记，维持接种现场秩序' },
  { activity: '社区环境集中整治', content: '清理小广告和卫生死角' },
  { activity: '入户人口信息核查协助', content: '协助网格员入户核对人口信息' },
];
const WITHDRAW_REASONS = ['临时加班', '家中有事', '身体不适'];

interface PlannedVolunteer {
  n: number;
  id: string;
  registeredAt: number;
  teamCategories: TeamCategory[];
  /** When the volunteer was out of service (suspended), if ever; `to` is Infinity while still suspended. */
  away?: { from: number; to: number };
  /** A pairing volunteer: serves in pairing activities, not in the opportunities below. */
  pairing: boolean;
}

interface Service {
  opportunityId: string;
  title: string;
  content: string;
  place: string;
  organisingUnit: string;
  personInChargeId: string;
  personInChargeName: string;
}

/**
 * The plan of one demo community (default 幸福里社区). Ids derive from the community's key, so a plan of one
 * community and a plan of all three agree.
 */
export function demoPlan(scale: DemoScale, now: Date, community: DemoCommunity = MAIN_DEMO_COMMUNITY): DemoPlan {
  const random = seededRandom(20261123 + [...community.key].reduce((sum, c) => sum + c.charCodeAt(0), 0));
  const end = now.getTime();
  const historyStart = end - scale.days * DAY_MS;
  const setupAt = historyStart - 20 * DAY_MS;
  const communityId = community.id;
  const short = shortName(community);
  const categories = TEAMS[community.key] ?? TEAMS.hepingli!;
  const teamName = (category: TeamCategory) => `${short}${CATEGORIES[category]?.team ?? '志愿服务队'}`;

  const teams: DemoScript[] = categories.map((category, i) => {
    const teamId = demoVolunteerTeamId(community.key, category);
    return {
      streamId: `volunteer-team-${teamId}`,
      steps: [{ at: new Date(setupAt + i * HOUR_MS), command: { type: 'FormVolunteerTeam', data: { teamId, communityId, name: teamName(category), category } } }],
    };
  });

  // The community's staff in charge of services (their names are encrypted for their own ids).
  const staff = Array.from({ length: 3 }, (_, i) => ({ id: demoId('community-staff', `${community.key}:${i}`), name: fakeName(random) }));
  const units = DEMO_STATIONED_UNITS.filter((unit) => unit.communityKey === community.key);

  // Volunteers: the founding half (the pairing volunteers among them) registered before the history begins, the
  // rest over it. Each stands for a resident (a distinct one), one in ten for the staff of a stationed unit.
  const founding = Math.max(DEMO_PAIRING_VOLUNTEERS, Math.floor(scale.volunteers / 2));
  const residentOffset = intBetween(random, 0, community.residents - 1);
  const planned: PlannedVolunteer[] = [];
  const volunteerScripts: DemoScript[] = [];
  for (let n = 0; n < scale.volunteers; n += 1) {
    const id = demoVolunteerId(community.key, n);
    const registeredAt =
      n < founding
        ? setupAt + DAY_MS + n * 10 * MINUTE_MS
        : historyStart + ((n - founding + 1) / (scale.volunteers - founding + 1)) * (scale.days - 10) * DAY_MS + intBetween(random, 8, 20) * HOUR_MS;
    const female = random() < 0.6;
    const main = random() < 0.45 ? 'elder_care' : pick(random, categories);
    const teamCategories: TeamCategory[] = [main, ...(random() < 0.3 ? [pick(random, categories)] : [])].filter((c, i, all) => all.indexOf(c) === i);
    const skills = [...new Set([pick(random, CATEGORIES[main]?.skills ?? GENERAL_SKILLS), ...(random() < 0.5 ? [pick(random, GENERAL_SKILLS)] : [])])];
    const linkedTo =
      units.length > 0 && n % 10 === 9
        ? { kind: 'organisation_staff' as const, id: pick(random, units).id }
        : { kind: 'resident' as const, id: demoResidentId(community.key, (residentOffset + n * 7919) % community.residents) };
    const steps: DemoStep[] = [
      {
        at: new Date(registeredAt),
        command: {
          type: 'RegisterVolunteer',
          data: {
            volunteerId: id,
            communityId,
            linkedTo,
            name: fakeName(random),
            phone: fakePhone(random),
            idNumber: fakeIdNumber(random, fakeBirthDate(random, new Date(registeredAt), 18, 72), female),
            skills,
          },
        },
      },
      ...teamCategories.map((category, i) => ({
        at: new Date(registeredAt + (i + 1) * intBetween(random, 20, 60) * HOUR_MS),
        command: { type: 'JoinVolunteerTeam' as const, data: { volunteerId: id, teamId: demoVolunteerTeamId(community.key, category) } },
      })),
    ];
    for (const course of random() < 0.35 ? sample(random, COURSES, random() < 0.3 ? 2 : 1) : []) {
      const completed = registeredAt + intBetween(random, 5, 60) * DAY_MS;
      const completedOn = shanghaiDate(new Date(completed));
      steps.push({
        at: new Date(at(completedOn, '17:00') + intBetween(random, 0, 72) * HOUR_MS),
        command: {
          type: 'RecordVolunteerTraining',
          data: { volunteerId: id, trainingId: demoId('volunteer-training', `${community.key}:${n}:${course.course}`), course: course.course, provider: course.provider, completedOn, trainingMinutes: course.minutes },
        },
      });
    }
    // One volunteer per community was suspended and is back; in the big one another is still suspended.
    let away: PlannedVolunteer['away'];
    if (n === founding || (n === founding + 1 && scale.volunteers >= 60)) {
      const from = historyStart + (0.4 + 0.1 * (n - founding)) * scale.days * DAY_MS;
      // Back after two months at most, well before the end of the history.
      const back = n === founding;
      away = { from, to: back ? from + Math.min(60, 0.3 * scale.days) * DAY_MS : Infinity };
      steps.push({
        at: new Date(away.from),
        command: { type: 'SuspendVolunteer', data: { volunteerId: id, reason: back ? '本人申请暂停（外出务工两个月）' : '连续三次报名后无故缺席，暂停服务' } },
      });
      if (back) steps.push({ at: new Date(away.to), command: { type: 'ReinstateVolunteer', data: { volunteerId: id } } });
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    volunteerScripts.push({ streamId: `volunteer-${id}`, steps: steps.filter((s) => s.at.getTime() < end) });
    planned.push({ n, id, registeredAt, teamCategories, ...(away ? { away } : {}), pairing: n < DEMO_PAIRING_VOLUNTEERS });
  }

  // Stand-alone opportunities spread over the history and the coming fortnight; the past ones attended, checked
  // out, verified and completed, the coming ones still taking sign-ups.
  const served = new Map<string, { service: Service; servedOn: string; minutes: number; verifiedAt: number }[]>();
  const opportunityScripts: DemoScript[] = [];
  for (let i = 0; i < scale.opportunities; i += 1) {
    const category = random() < 0.35 ? 'elder_care' : pick(random, categories);
    const profile = CATEGORIES[category] ?? CATEGORIES.elder_care!;
    const offer = pick(random, profile.services);
    const day = shanghaiDate(new Date(historyStart + 5 * DAY_MS + ((i + random()) / scale.opportunities) * (scale.days + 9) * DAY_MS));
    const startsAt = at(day, offer.clock);
    const endsAt = startsAt + offer.minutes * MINUTE_MS;
    const publishedAt = startsAt - intBetween(random, 3, 10) * DAY_MS - intBetween(random, 1, 8) * HOUR_MS;
    const person = pick(random, staff);
    const compound = pick(random, community.compounds);
    const service: Service = {
      opportunityId: demoId('opportunity', `${community.key}:${i}`),
      title: offer.title,
      content: offer.content,
      place: category === 'public_safety' || category === 'environmental' ? `${compound}小区` : `${compound}${intBetween(random, 1, 12)}号楼`,
      organisingUnit: random() < 0.6 ? teamName(category) : `${community.name}居民委员会`,
      personInChargeId: person.id,
      personInChargeName: person.name,
    };
    const capacity = intBetween(random, 6, 15);
    const { opportunityId } = service;
    const steps: DemoStep[] = [
      {
        at: new Date(publishedAt),
        command: {
          type: 'PublishServiceOpportunity',
          data: {
            opportunityId,
            communityId,
            source: { kind: 'standalone', id: null },
            teamId: demoVolunteerTeamId(community.key, category),
            title: service.title,
            content: service.content,
            place: service.place,
            organisingUnit: service.organisingUnit,
            personInChargeId: service.personInChargeId,
            personInChargeName: service.personInChargeName,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(endsAt).toISOString(),
            capacity,
          },
        },
      },
    ];
    // Volunteers registered by then and not suspended meanwhile (one still suspended, never: sign-up checks the
    // volunteer as they are when the loader runs), the team's members first.
    const available = ({ away }: PlannedVolunteer) => !away || (away.to !== Infinity && (endsAt <= away.from || publishedAt >= away.to));
    const eligible = planned.filter((v) => !v.pairing && v.registeredAt < publishedAt && available(v));
    const members = eligible.filter((v) => v.teamCategories.includes(category));
    const others = eligible.filter((v) => !v.teamCategories.includes(category));
    const wanted = intBetween(random, Math.ceil(capacity / 2), capacity);
    const signedUp = [...sample(random, members, wanted), ...sample(random, others, Math.max(0, wanted - members.length))].slice(0, wanted);
    for (const volunteer of signedUp) {
      const signUpAt = publishedAt + random() * (startsAt - 2 * HOUR_MS - publishedAt);
      const v = { opportunityId, volunteerId: volunteer.id };
      steps.push({ at: new Date(signUpAt), command: { type: 'SignUpForOpportunity', data: v } });
      const roll = random();
      if (roll < 0.1) {
        const reason = pick(random, WITHDRAW_REASONS);
        steps.push({ at: new Date(signUpAt + random() * (startsAt - 2 * HOUR_MS - signUpAt)), command: { type: 'WithdrawFromOpportunity', data: { ...v, reason } } });
        continue;
      }
      if (roll < 0.18) continue; // Signed up, did not come.
      const checkIn = startsAt + intBetween(random, -25, 10) * MINUTE_MS + intBetween(random, 0, 59) * 1000;
      const checkOut = endsAt + intBetween(random, -15, 20) * MINUTE_MS + intBetween(random, 0, 59) * 1000;
      const minutesPresent = Math.floor((checkOut - checkIn) / MINUTE_MS);
      // The organiser confirms the time actually served, in half hours (breaks excluded).
      const servedMinutes = minutesPresent >= 30 ? Math.floor(minutesPresent / 30) * 30 : minutesPresent;
      const verifiedAt = endsAt + intBetween(random, 2, 30) * HOUR_MS;
      steps.push(
        { at: new Date(checkIn), command: { type: 'CheckInVolunteer', data: v } },
        { at: new Date(checkOut), command: { type: 'CheckOutVolunteer', data: v } },
        { at: new Date(verifiedAt), command: { type: 'VerifyServiceHours', data: { ...v, servedMinutes } } },
      );
      if (verifiedAt < end) {
        served.set(volunteer.id, [...(served.get(volunteer.id) ?? []), { service, servedOn: shanghaiDate(new Date(checkIn)), minutes: servedMinutes, verifiedAt }]);
      }
    }
    // Completed once every volunteer who came is verified (the organiser closes it a day or two later).
    const verifications = steps.flatMap((step) => (step.command.type === 'VerifyServiceHours' ? [step.at.getTime()] : []));
    if (verifications.length > 0) {
      steps.push({ at: new Date(Math.max(...verifications) + intBetween(random, 20, 48) * HOUR_MS), command: { type: 'CompleteServiceOpportunity', data: { opportunityId } } });
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    opportunityScripts.push({ streamId: `opportunity-${opportunityId}`, steps: steps.filter((s) => s.at.getTime() < end) });
  }

  // Ledgers: the staff enter verified hours a few days later, one record in eight after more than ten working
  // days (flagged late); some volunteers also served outside any opportunity. The busiest get a certificate.
  const ledgers: { script: DemoScript; minutes: number; volunteer: PlannedVolunteer }[] = [];
  for (const volunteer of planned.filter((v) => !v.pairing)) {
    const entries: { at: number; data: RecordServiceHoursData }[] = [];
    let minutes = 0;
    const enter = (t: number, data: Omit<RecordServiceHoursData, 'volunteerId' | 'communityId'>) => {
      if (t >= end || minutes + data.servedMinutes > LEDGER_CAP_MINUTES) return;
      minutes += data.servedMinutes;
      entries.push({ at: t, data: { volunteerId: volunteer.id, communityId, ...data } });
    };
    for (const [k, { service, servedOn, minutes: servedMinutes, verifiedAt }] of (served.get(volunteer.id) ?? []).entries()) {
      const delay = random() < 0.125 ? intBetween(random, 18, 30) * DAY_MS : intBetween(random, 1, 5) * DAY_MS;
      enter(verifiedAt + delay, {
        recordId: demoId('service-record', `${volunteer.id}:opportunity:${k}`),
        source: { kind: 'opportunity', id: service.opportunityId },
        activity: service.title,
        servedOn,
        place: service.place,
        content: service.content,
        organisingUnit: service.organisingUnit,
        personInChargeId: service.personInChargeId,
        personInChargeName: service.personInChargeName,
        servedMinutes,
      });
    }
    if (random() < 0.35) {
      const other = pick(random, OTHER_SERVICES);
      const servedAt = Math.max(volunteer.registeredAt + 3 * DAY_MS, historyStart) + random() * 0.8 * (end - Math.max(volunteer.registeredAt, historyStart));
      const person = pick(random, staff);
      enter(servedAt + intBetween(random, 1, 20) * DAY_MS, {
        recordId: demoId('service-record', `${volunteer.id}:other`),
        source: { kind: 'other', id: null },
        activity: other.activity,
        servedOn: shanghaiDate(new Date(servedAt)),
        place: `${pick(random, community.compounds)}小区`,
        content: other.content,
        organisingUnit: `${community.name}居民委员会`,
        personInChargeId: person.id,
        personInChargeName: person.name,
        servedMinutes: pick(random, [90, 120, 180, 240]),
      });
    }
    if (entries.length === 0) continue;
    entries.sort((a, b) => a.at - b.at);
    ledgers.push({
      volunteer,
      minutes,
      script: {
        streamId: `hours-ledger-${volunteer.id}`,
        steps: entries.map((entry) => ({ at: new Date(entry.at), command: { type: 'RecordServiceHours', data: entry.data } })),
      },
    });
  }
  // Certificates for the busiest whose last record is a few days old (a certificate states the hours at issue).
  const lastAt = (script: DemoScript) => script.steps[script.steps.length - 1]!.at.getTime();
  const busiest = ledgers
    .filter(({ script }) => lastAt(script) < end - 6 * DAY_MS)
    .sort((a, b) => b.minutes - a.minutes)
    .slice(0, Math.max(1, Math.round(ledgers.length / 12)));
  for (const { script, volunteer } of busiest) {
    script.steps.push({
      at: new Date(lastAt(script) + intBetween(random, 2, 5) * DAY_MS),
      command: { type: 'IssueServiceCertificate', data: { volunteerId: volunteer.id, communityId, certificateId: demoId('service-certificate', volunteer.id) } },
    });
  }

  // Opportunities published after `now` have no step yet.
  return { communityId, teams, volunteers: volunteerScripts, opportunities: opportunityScripts.filter((s) => s.steps.length > 0), ledgers: ledgers.map((l) => l.script) };
}

