/**
 * The demo street every service's demo data lives in: one street (朝阳街道) and its communities, with ids
 * every service derives the same way, so the residents' communities, the organisations' pairings, the
 * volunteers, compounds and party members all meet in the same places without any service reading another's
 * tables. Nothing here is real.
 */
import { createHash } from 'node:crypto';
import { creditCodeCheckCharacter } from '@cogov/domain';

/** A stable UUID (version 5 layout, SHA-1 of a name): the same demo entity gets the same id on every run. */
export function demoId(kind: string, key: number | string): string {
  const hex = createHash('sha1').update(`cogov-demo:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);

export interface DemoCommunity {
  /** Short key, used in derived ids (`demoId('community', key)`). */
  key: string;
  id: string;
  name: string;
  /** The residential compounds (小区) of the community, by name. */
  compounds: readonly string[];
  /** Households the residents demo registers there (the first community is the full-size one). */
  households: number;
  residents: number;
  appeals: number;
}

export const DEMO_STREET = { id: 'street-chaoyang', name: '朝阳街道' } as const;

const community = (key: string, name: string, compounds: string[], households: number, residents: number, appeals: number): DemoCommunity => ({
  key,
  id: demoId('community', key),
  name,
  compounds,
  households,
  residents,
  appeals,
});

/**
 * The communities of the demo street. 幸福里社区 is the full-size one (1,000 households); the two others are
 * smaller, so a street-wide view has more than one community to compare.
 */
export const DEMO_COMMUNITIES: readonly DemoCommunity[] = [
  community('xingfuli', '幸福里社区', ['幸福小区', '和平苑', '朝阳新村', '光明里'], 1000, 2500, 360),
  community('hepingli', '和平里社区', ['和平里东区', '和平里西区'], 240, 560, 90),
  community('guangming', '光明社区', ['光明花园'], 160, 380, 60),
];

/** The full-size demo community (幸福里社区), whose tokens `npm start` prints. */
export const MAIN_DEMO_COMMUNITY: DemoCommunity = DEMO_COMMUNITIES[0]!;

/** A demo organisation other services refer to by id (a property company, a stationed unit …). */
export interface DemoOrganisation {
  key: string;
  id: string;
  name: string;
  /** A valid unified social credit code (GB 32100-2015 check character), made up. */
  creditCode: string;
}

/** A made-up but valid unified social credit code for a demo key (registration authority 9 = industry and commerce). */
export function demoCreditCode(key: string): string {
  const digits = createHash('sha1').update(`cogov-demo:credit-code:${key}`).digest('hex').replace(/[a-f]/g, '').padEnd(16, '7');
  const first17 = `91110105${digits.slice(0, 9)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

const organisation = (key: string, name: string): DemoOrganisation => ({ key, id: demoId('organisation', key), name, creditCode: demoCreditCode(key) });

/**
 * The property company (物业服务企业) serving each demo community's compounds, by community key: the
 * organisations demo registers them, the property demo signs their service contracts, and an appeal dispatched
 * to one of them (stakeholder id = the organisation id) becomes a work order in property (workflow 1).
 */
export const DEMO_PROPERTY_COMPANIES: Readonly<Record<string, DemoOrganisation>> = {
  xingfuli: organisation('property-company:xingfuli', '幸福物业服务有限公司'),
  hepingli: organisation('property-company:hepingli', '和平里物业管理有限公司'),
  guangming: organisation('property-company:guangming', '光明物业服务有限公司'),
};

/**
 * The id of a demo community's volunteer team of a category (`elder_care`, `party_member_vanguard` …): the
 * volunteers demo forms them, and a help request dispatched to one becomes a service opportunity (workflow 2).
 */
export const demoVolunteerTeamId = (communityKey: string, category: string): string => demoId('volunteer-team', `${communityKey}:${category}`);

/**
 * The party branch set up in a demo community's property company (党支部, the company as host unit): the
 * party-building demo establishes it, the property demo marks the company's compounds red property (红色物业) with it.
 */
export const demoPropertyPartyBranchId = (communityKey: string): string => demoId('party-organisation', `property-company:${communityKey}`);

/**
 * A demo household's id, as the residents demo derives it: `demoId('household', n)` in the full-size community
 * (幸福里社区), `demoId('household', '<community key>:<n>')` in the others, for n = 0 … `community.households - 1`.
 */
export const demoHouseholdId = (communityKey: string, n: number): string =>
  demoId('household', communityKey === MAIN_DEMO_COMMUNITY.key ? n : `${communityKey}:${n}`);

/**
 * A demo resident's id, as the residents demo derives it: `demoId('resident', n)` in the full-size community
 * (幸福里社区), `demoId('resident', '<community key>:<n>')` in the others, for n = 0 … `community.residents - 1`.
 */
export const demoResidentId = (communityKey: string, n: number): string =>
  demoId('resident', communityKey === MAIN_DEMO_COMMUNITY.key ? n : `${communityKey}:${n}`);

/** The id of the n-th volunteer the volunteers demo registers in a community (n = 0, 1 …). */
export const demoVolunteerId = (communityKey: string, n: number): string => demoId('volunteer', `${communityKey}:${n}`);

/**
 * How many of a community's first demo volunteers serve in co-building pairing activities. The volunteers demo
 * registers them before the demo history begins; the organisations demo names them in its activities
 * (`volunteerIds`), and their hours ledgers are left to the workflow that turns those activities into hours, so
 * no demo script and no workflow append to the same ledger stream.
 */
export const DEMO_PAIRING_VOLUNTEERS = 12;

/** The volunteers of a community that pairing activities may name (see `DEMO_PAIRING_VOLUNTEERS`). */
export const demoPairingVolunteerIds = (communityKey: string): string[] =>
  Array.from({ length: DEMO_PAIRING_VOLUNTEERS }, (_, n) => demoVolunteerId(communityKey, n));

/** A unit stationed in the area of a demo community (驻区单位). */
export interface DemoStationedUnit extends DemoOrganisation {
  communityKey: string;
}

const stationedUnit = (communityKey: string, key: string, name: string): DemoStationedUnit => ({ ...organisation(key, name), communityKey });

/**
 * The units stationed in the demo street that pair with its communities (结对共建): the organisations demo
 * registers them and their pairings, the volunteers demo links some of their staff as volunteers.
 */
export const DEMO_STATIONED_UNITS: readonly DemoStationedUnit[] = [
  stationedUnit('xingfuli', 'unit:xingfuli-primary-school', '北京市朝阳区幸福里小学'),
  stationedUnit('xingfuli', 'unit:chaoyang-second-hospital', '北京市朝阳区第二医院'),
  stationedUnit('xingfuli', 'unit:xingfuli-tax-office', '国家税务总局北京市朝阳区税务局幸福里税务所'),
  stationedUnit('xingfuli', 'unit:chaoyang-power-supply', '国网北京市电力公司朝阳供电公司'),
  stationedUnit('hepingli', 'unit:icbc-hepingli', '中国工商银行北京和平里支行'),
  stationedUnit('hepingli', 'unit:hepingli-middle-school', '北京市和平里第一中学'),
  stationedUnit('guangming', 'unit:chaoyang-library-guangming', '朝阳区图书馆光明分馆'),
  stationedUnit('guangming', 'unit:guangming-police-station', '北京市公安局朝阳分局光明派出所'),
];

// Calendar helpers of the demo data sets (Asia/Shanghai business calendar, UTC instants).
/** The instant (ms) of a wall-clock time `HH:MM` on an Asia/Shanghai calendar date. */
export const shanghaiInstant = (date: string, clock: string): number => Date.parse(`${date}T${clock}:00+08:00`);
/** The instant of an hour (and minute) on an Asia/Shanghai calendar date. */
export const shanghaiAt = (date: string, hour: number, minute = 0): Date =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + (hour - 8) * HOUR_MS + minute * 60_000);
/** A calendar date `days` later (or earlier, when negative). */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
/** A stable seed for a data set's random generator, from a key (a community's, a unit's). */
export const seedOf = (key: string): number => [...key].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) >>> 0, 20261121);
/** `幸福里社区` → `幸福里`. */
export const shortCommunityName = (community: DemoCommunity): string => community.name.replace(/社区$/, '');
