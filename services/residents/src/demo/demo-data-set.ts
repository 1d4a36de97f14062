/**
 * The demo community as a plan: which aggregates exist and, per aggregate, the commands that make its history,
 * each with the instant it happened. Pure and seeded — the same scale and `now` give the same plan — so
 * the loader can run it through the real command handlers and a re-run can tell what is already there.
 *
 * Every step appends exactly one event to its stream: the loader skips the first `streamVersion` steps of
 * a stream, which makes a second run add nothing and an interrupted run resume where it stopped.
 */
import { DEMO_PROPERTY_COMPANIES, DEMO_STREET, MAIN_DEMO_COMMUNITY, demoId, demoVolunteerTeamId, fakeBirthDate, fakeIdNumber, fakeName, fakePhone, intBetween, pick, seededRandom, shanghaiDate, weighted, type DemoCommunity, type DemoScript as KitDemoScript, type DemoStep as KitDemoStep, type Random } from '@cogov/service-kit';
import { defaultTierDurations, defaultCategoryTiers, type AppealTier } from '../appeal/appeal-deadlines.js';
import type { AppealChannel, SatisfactionRating, StakeholderKind } from '../appeal/appeal.events.js';
import type { HouseholdAddress } from '../household/household.events.js';
import type { VulnerableGroupCode } from '../resident/resident.events.js';

export interface DemoScale {
  households: number;
  residents: number;
  appeals: number;
  /** How far back the appeals go. */
  days: number;
}

/** The scale of a demo community as the demo street defines it, over the last 150 days. */
export const scaleOf = (community: DemoCommunity): DemoScale => ({ households: community.households, residents: community.residents, appeals: community.appeals, days: 150 });
export const FULL_SCALE: DemoScale = scaleOf(MAIN_DEMO_COMMUNITY);

/** One command of the plan, as data: the loader turns it into the handler's command. */
export type DemoCommand =
  | { type: 'RegisterCommunity'; data: { communityId: string; name: string; streetId: string; streetName: string } }
  | { type: 'DelineateGrid'; data: { communityId: string; gridId: string; name: string } }
  | { type: 'AssignGridWorker'; data: { communityId: string; gridId: string; workerId: string; workerName: string } }
  | { type: 'RegisterHousehold'; data: { householdId: string; communityId: string; gridId: string; address: HouseholdAddress } }
  | {
      type: 'MoveResidentIn';
      data: { residentId: string; householdId: string; communityId: string; gridId: string; name: string; idNumber: string; phone: string; movedInOn: string };
    }
  | { type: 'TagVulnerableGroup'; data: { residentId: string; tagCode: VulnerableGroupCode } }
  | {
      type: 'FileAppeal';
      data: {
        appealId: string;
        communityId: string;
        gridId: string | null;
        channel: AppealChannel;
        category: string;
        description: string;
        location: string;
        householdId: string | null;
        residentId: string | null;
      };
    }
  | { type: 'AcceptAppeal'; data: { appealId: string } }
  | { type: 'DispatchAppeal'; data: { appealId: string; stakeholder: { kind: StakeholderKind; id: string } } }
  | { type: 'NoteAppealProgress'; data: { appealId: string; note: string } }
  | { type: 'ResolveAppeal'; data: { appealId: string; resolution: string } }
  | { type: 'RecordReturnVisit'; data: { appealId: string; rating: SatisfactionRating; comment: string } }
  | { type: 'ReopenAppeal'; data: { appealId: string; reason: string } }
  | { type: 'EscalateAppeal'; data: { appealId: string; streetId: string } };

export type DemoStep = KitDemoStep<DemoCommand>;
export type DemoScript = KitDemoScript<DemoCommand>;

export interface DemoPlan {
  communityId: string;
  streetId: string;
  community: DemoScript;
  households: DemoScript[];
  residents: DemoScript[];
  appeals: DemoScript[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STREET_ID = DEMO_STREET.id;
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格'];
const CHANNELS: AppealChannel[] = ['hotline', 'hotline', 'hotline', 'visit', 'visit', 'app', 'app', 'grid_patrol', 'suggestion_box'];
/** Appeals by domain, weighted roughly as a residential community sees them. */
const CATEGORY_WEIGHTS: [string, number][] = [
  ['utilities.water', 14], ['utilities.power', 6], ['utilities.heating', 6], ['utilities.drainage', 8], ['utilities.elevator', 8],
  ['environment.sanitation', 10], ['environment.noise', 8], ['environment.greening', 3],
  ['property.repair', 12], ['property.parking', 7], ['property.service', 6], ['property.maintenance_fund', 2],
  ['community.neighbour_dispute', 5], ['community.consultation', 6], ['welfare.assistance', 3],
  ['safety.gas_leak', 1], ['safety.fire_hazard', 2], ['safety.elevator_entrapment', 1], ['planning.illegal_construction', 2],
];
const DESCRIPTIONS: Record<string, string[]> = {
  utilities: ['家中停水，已持续半天', '楼道水管漏水，地面积水', '单元楼停电，电梯无法使用', '暖气不热，室温只有十几度', '下水道堵塞，污水外溢', '电梯经常停运，老人上下楼困难'],
  environment: ['垃圾清运不及时，异味严重', '夜间施工噪音扰民', '绿化带被占用种菜', '楼道堆放杂物，影响通行'],
  property: ['小区路灯损坏，夜间出行不便', '地下车库通道被占用', '报修多日无人处理', '楼顶防水层破损，雨天渗水', '维修资金使用情况不公开'],
  community: ['邻里因漏水产生纠纷，需要调解', '咨询居住证办理流程', '楼上住户长期噪音，协商未果'],
  welfare: ['独居老人需要上门探访', '申请临时救助'],
  safety: ['楼道内闻到燃气味', '电动车在楼道充电，存在火灾隐患', '电梯困人'],
  planning: ['顶楼违规加建', '一层住户私搭乱建'],
};
/** Who the demo dispatches each domain to, in a community (ids as the residents' staff type them). */
const stakeholdersOf = (key: string): Record<string, { kind: StakeholderKind; id: string }[]> => ({
  utilities: [{ kind: 'property_company', id: `pm-${key}` }, { kind: 'agency', id: 'beijing-water' }],
  environment: [{ kind: 'street_office', id: 'chaoyang-street-office' }, { kind: 'residents_committee', id: `${key}-rc` }],
  property: [{ kind: 'property_company', id: `pm-${key}` }],
  community: [{ kind: 'residents_committee', id: `${key}-rc` }, { kind: 'volunteer_team', id: `${key}-volunteers` }],
  welfare: [{ kind: 'volunteer_team', id: `${key}-volunteers` }, { kind: 'residents_committee', id: `${key}-rc` }],
  safety: [{ kind: 'agency', id: 'chaoyang-fire-brigade' }, { kind: 'property_company', id: `pm-${key}` }],
  planning: [{ kind: 'street_office', id: 'chaoyang-street-office' }],
});
const NOTES = ['已联系责任单位', '工作人员已到现场查看', '正在协调维修', '已与居民沟通处理方案'];
const RESOLUTIONS = ['已安排人员处理完毕', '已维修完成并经居民确认', '已协调相关单位解决', '已现场答复并解决'];
const COMMENTS: Record<SatisfactionRating, string[]> = {
  satisfied: ['处理及时，非常满意', '师傅很负责', ''],
  basically_satisfied: ['解决了，但等得有点久', ''],
  unsatisfied: ['问题没有根本解决', '处理后又出现了'],
};

const domainOf = (category: string): string => category.slice(0, category.indexOf('.'));

/** Hours as a random fraction of [min, max]. */
const hours = (random: Random, min: number, max: number): number => (min + random() * (max - min)) * HOUR;

/**
 * The plan of one demo community (default 幸福里社区). The full-size community keeps the ids and the seed it has
 * always had; the others derive theirs from their key, so no two communities share a household or an appeal.
 */
export function demoPlan(scale: DemoScale, now: Date, of: DemoCommunity = MAIN_DEMO_COMMUNITY): DemoPlan {
  const main = of.key === MAIN_DEMO_COMMUNITY.key;
  const key = (n: number | string): number | string => (main ? n : `${of.key}:${n}`);
  const random = seededRandom(main ? 20261121 : 20261121 + [...of.key].reduce((sum, c) => sum + c.charCodeAt(0), 0));
  const communityId = of.id;
  const COMPOUNDS = of.compounds;
  const STAKEHOLDERS = stakeholdersOf(of.key);
  // The directory's history starts before the first appeal, so every appeal finds its household and resident.
  const setupAt = new Date(now.getTime() - (scale.days + 10) * DAY);

  const gridIds = GRID_NAMES.slice(0, main ? 6 : 3).map((_, i) => demoId('grid', key(i)));
  const community: DemoScript = {
    streamId: `community-${communityId}`,
    steps: [
      { at: setupAt, command: { type: 'RegisterCommunity', data: { communityId, name: of.name, streetId: STREET_ID, streetName: DEMO_STREET.name } } },
      ...gridIds.map((_, i) => GRID_NAMES[i]!).map((name, i) => ({ at: new Date(setupAt.getTime() + (i + 1) * 60_000), command: { type: 'DelineateGrid' as const, data: { communityId, gridId: gridIds[i]!, name } } })),
      ...gridIds.map((gridId, i) => ({
        at: new Date(setupAt.getTime() + (i + 10) * 60_000),
        command: { type: 'AssignGridWorker' as const, data: { communityId, gridId, workerId: demoId('grid-worker', key(i)), workerName: fakeName(random) } },
      })),
    ],
  };

  // Addresses fill compound by compound: 6 floors × 2 units × 4 rooms per building; buildings go to grids in turn.
  const households: { id: string; gridId: string; address: HouseholdAddress; residents: string[] }[] = [];
  for (let n = 0; n < scale.households; n += 1) {
    const perBuilding = 48;
    const building = Math.floor(n / perBuilding);
    const inBuilding = n % perBuilding;
    const compound = COMPOUNDS[Math.floor(building / 6) % COMPOUNDS.length]!;
    const address = {
      compound,
      building: String((building % 6) + 1 + 6 * Math.floor(building / (6 * COMPOUNDS.length))),
      unit: String(Math.floor(inBuilding / 24) + 1),
      room: String((Math.floor((inBuilding % 24) / 4) + 1) * 100 + (inBuilding % 4) + 1),
    };
    households.push({ id: demoId('household', key(n)), gridId: gridIds[building % gridIds.length]!, address, residents: [] });
  }

  // Everyone lives somewhere: one resident per household first, the rest spread at random (at most 6 per home).
  const residentScripts: DemoScript[] = [];
  const residentPlace: { id: string; household: (typeof households)[number] }[] = [];
  for (let n = 0; n < scale.residents && households.length > 0; n += 1) {
    let household = households[n % households.length]!;
    if (n >= households.length) {
      do household = pick(random, households);
      while (household.residents.length >= 6 && households.some((h) => h.residents.length < 6));
    }
    const residentId = demoId('resident', key(n));
    household.residents.push(residentId);
    residentPlace.push({ id: residentId, household });
  }
  for (const [n, { id: residentId, household }] of residentPlace.entries()) {
    const female = random() < 0.5;
    const birth = fakeBirthDate(random, setupAt, 0, 92);
    const age = (setupAt.getTime() - birth.getTime()) / (365 * DAY);
    const movedIn = new Date(Math.max(birth.getTime(), setupAt.getTime() - intBetween(random, 30, 25 * 365) * DAY));
    const at = new Date(setupAt.getTime() + DAY + n * 1000);
    const steps: DemoStep[] = [
      {
        at,
        command: {
          type: 'MoveResidentIn',
          data: {
            residentId,
            householdId: household.id,
            communityId,
            gridId: household.gridId,
            name: fakeName(random),
            idNumber: fakeIdNumber(random, birth, female),
            phone: fakePhone(random),
            movedInOn: shanghaiDate(movedIn),
          },
        },
      },
    ];
    // A few percent belong to a vulnerable group; the tag follows from age and household where it can.
    if (random() < 0.035) {
      const tagCode: VulnerableGroupCode =
        age >= 70 && household.residents.length === 1 ? 'elderly_living_alone' : age < 16 ? 'left_behind_child' : pick(random, ['low_income', 'disabled', 'special_care', 'unemployed_4050'] as const);
      steps.push({ at: new Date(at.getTime() + HOUR), command: { type: 'TagVulnerableGroup', data: { residentId, tagCode } } });
    }
    residentScripts.push({ streamId: `resident-${residentId}`, steps });
  }

  const appeals: DemoScript[] = [];
  for (let n = 0; n < scale.appeals; n += 1) {
    appeals.push(withLiveStakeholder(appealScript(random, key(n), scale, now, communityId, households, COMPOUNDS, STAKEHOLDERS), of.key));
  }
  // One help request still open: a household with a vulnerable member asked for help yesterday and the committee
  // dispatched it to the elder-care volunteer team, so workflow 2 publishes a live opportunity on `npm start`.
  const vulnerable = residentPlace.find((_, i) => residentScripts[i]!.steps.some((step) => step.command.type === 'TagVulnerableGroup'));
  const helped = vulnerable?.household ?? households[0];
  if (helped) {
    const appealId = demoId('appeal', key('help-request'));
    const filedAt = now.getTime() - 20 * HOUR;
    const { compound, building, unit, room } = helped.address;
    appeals.push({
      streamId: `appeal-${appealId}`,
      steps: [
        {
          at: new Date(filedAt),
          command: {
            type: 'FileAppeal',
            data: {
              appealId,
              communityId,
              gridId: helped.gridId,
              channel: 'visit',
              category: 'welfare.assistance',
              description: '老人行动不便，需要志愿者上门帮忙买菜、打扫',
              location: `${compound}${building}号楼${unit}单元${room}`,
              householdId: helped.id,
              residentId: vulnerable?.id ?? null,
            },
          },
        },
        { at: new Date(filedAt + HOUR), command: { type: 'AcceptAppeal', data: { appealId } } },
        {
          at: new Date(filedAt + 2 * HOUR),
          command: { type: 'DispatchAppeal', data: { appealId, stakeholder: { kind: 'volunteer_team', id: demoVolunteerTeamId(of.key, 'elder_care') } } },
        },
      ],
    });
  }

  return {
    communityId,
    streetId: STREET_ID,
    community,
    households: households.map((h) => ({
      streamId: `household-${h.id}`,
      steps: [{ at: new Date(setupAt.getTime() + HOUR), command: { type: 'RegisterHousehold', data: { householdId: h.id, communityId, gridId: h.gridId, address: h.address } } }],
    })),
    residents: residentScripts,
    appeals,
  };
}

/**
 * The demo's history is settled by hand, as it was before cogov (dispatches to `pm-<community>` or
 * `<community>-volunteers`, ids the other contexts do not know, so no workflow acts on them). An appeal still
 * open at a dispatch when the history ends goes to the real stakeholder instead — the community's property
 * company or its elder-care volunteer team — so the workflows pick it up live: a work order in property, a
 * service opportunity in volunteers.
 */
function withLiveStakeholder(script: DemoScript, communityKey: string): DemoScript {
  const lastDispatch = script.steps.findLastIndex((step) => step.command.type === 'DispatchAppeal');
  if (lastDispatch === -1 || script.steps.slice(lastDispatch).some((step) => step.command.type === 'ResolveAppeal')) return script;
  const step = script.steps[lastDispatch]!;
  if (step.command.type !== 'DispatchAppeal') return script;
  const { kind } = step.command.data.stakeholder;
  const id = kind === 'property_company' ? DEMO_PROPERTY_COMPANIES[communityKey]?.id : kind === 'volunteer_team' ? demoVolunteerTeamId(communityKey, 'elder_care') : undefined;
  if (!id) return script;
  const steps = [...script.steps];
  steps[lastDispatch] = { at: step.at, command: { type: 'DispatchAppeal', data: { ...step.command.data, stakeholder: { kind, id } } } };
  return { ...script, steps };
}

/**
 * One appeal's life, as a resident and the community's staff would live it: accepted within hours (now and
 * then late), dispatched to whoever is responsible, mostly resolved within the tier's time limit, then
 * return-visited. Some residents are unsatisfied and the appeal is reopened; some dispatches run past their
 * deadline and are escalated; a few stay stuck. Steps at or after `now` are cut off, so recent appeals are
 * still open at whatever stage their timeline has reached.
 */
function appealScript(
  random: Random,
  n: number | string,
  scale: DemoScale,
  now: Date,
  communityId: string,
  households: readonly { id: string; gridId: string; address: HouseholdAddress; residents: string[] }[],
  COMPOUNDS: readonly string[],
  STAKEHOLDERS: Record<string, { kind: StakeholderKind; id: string }[]>,
): DemoScript {
  const appealId = demoId('appeal', n);
  const category = weighted(random, CATEGORY_WEIGHTS);
  const domain = domainOf(category);
  const tier = (defaultCategoryTiers[category] ?? 'general') as AppealTier;
  const duration = defaultTierDurations[tier];
  const household = households.length > 0 && random() < 0.75 ? pick(random, households) : undefined;
  const resident = household && household.residents.length > 0 && random() < 0.8 ? pick(random, household.residents) : null;
  const { compound, building, unit, room } = household?.address ?? { compound: pick(random, COMPOUNDS), building: '', unit: '', room: '' };
  const stuck = random() < 0.03;
  // Stuck appeals are old enough for their deadline to have passed; the others spread over the whole period.
  const filedAt = new Date(now.getTime() - (stuck ? hours(random, 16 * 24, 40 * 24) : hours(random, 1, scale.days * 24)));

  const steps: DemoStep[] = [];
  let t = filedAt.getTime();
  const step = (delay: number, command: DemoCommand) => {
    t += delay;
    steps.push({ at: new Date(t), command });
  };
  step(0, {
    type: 'FileAppeal',
    data: {
      appealId,
      communityId,
      gridId: household?.gridId ?? null,
      channel: pick(random, CHANNELS),
      category,
      description: pick(random, DESCRIPTIONS[domain] ?? DESCRIPTIONS.community!),
      location: household ? `${compound}${building}号楼${unit}单元${room}` : `${compound}公共区域`,
      householdId: household?.id ?? null,
      residentId: resident,
    },
  });

  const cycle = (first: boolean): SatisfactionRating | undefined => {
    step(random() < 0.05 ? hours(random, 26, 60) : hours(random, 0.1, tier === 'emergency' ? 0.5 : 6), { type: 'AcceptAppeal', data: { appealId } });
    if (first && !stuck && (category === 'community.consultation' || category === 'welfare.assistance') && random() < 0.5) {
      // Settled on the spot (即接即办): no dispatch.
      step(hours(random, 0.2, 2), { type: 'ResolveAppeal', data: { appealId, resolution: '已现场答复并解决' } });
    } else {
      step(hours(random, 0.1, 2), { type: 'DispatchAppeal', data: { appealId, stakeholder: pick(random, STAKEHOLDERS[domain] ?? STAKEHOLDERS.community!) } });
      const dispatchedAt = t;
      const late = stuck || random() < 0.07;
      const resolveAfter = late ? duration * (1.1 + random() * 0.6) : duration * (0.1 + random() * 0.75);
      if (random() < 0.5) step(resolveAfter / 2, { type: 'NoteAppealProgress', data: { appealId, note: pick(random, NOTES) } });
      // The escalation scheduler notices a missed deadline within its interval.
      const escalateAt = dispatchedAt + duration + 10 * 60_000;
      if (late) {
        t = Math.max(t, escalateAt);
        steps.push({ at: new Date(t), command: { type: 'EscalateAppeal', data: { appealId, streetId: STREET_ID } } });
      }
      if (stuck) return undefined;
      t = Math.max(t, dispatchedAt + resolveAfter);
      steps.push({ at: new Date(t), command: { type: 'ResolveAppeal', data: { appealId, resolution: pick(random, RESOLUTIONS) } } });
    }
    const roll = random();
    const rating: SatisfactionRating = !first ? (roll < 0.7 ? 'satisfied' : roll < 0.95 ? 'basically_satisfied' : 'unsatisfied') : roll < 0.78 ? 'satisfied' : roll < 0.93 ? 'basically_satisfied' : 'unsatisfied';
    step(hours(random, 2, 72), { type: 'RecordReturnVisit', data: { appealId, rating, comment: pick(random, COMMENTS[rating]) } });
    return rating;
  };

  // Not every unsatisfied resident wants the case reopened; those who do are mostly content the second time.
  if (cycle(true) === 'unsatisfied' && random() < 0.6) {
    step(hours(random, 1, 24), { type: 'ReopenAppeal', data: { appealId, reason: '居民反映问题仍未解决' } });
    cycle(false);
  }
  const cut = steps.findIndex((s) => s.at.getTime() >= now.getTime());
  return { streamId: `appeal-${appealId}`, steps: cut === -1 ? steps : steps.slice(0, cut) };
}
