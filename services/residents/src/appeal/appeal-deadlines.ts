/**
 * How long a dispatched appeal may take: category → tier → duration. Both maps are configuration
 * (a district publishes its own category catalogue and time limits); the defaults below apply when a
 * deployment configures nothing. Pure: deadlines are computed from the dispatch instant, never a clock.
 *
 * Durations are elapsed time, not working days: Asia/Shanghai has no daylight saving, so 7 days is
 * always 168 hours. A district that counts working days needs a calendar here, not a bigger number.
 */
import { ValidationError } from '@cogov/domain';

export const APPEAL_TIERS = ['emergency', 'utilities', 'general', 'complex'] as const;
export type AppealTier = (typeof APPEAL_TIERS)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const defaultTierDurations: Readonly<Record<AppealTier, number>> = Object.freeze({
  emergency: 2 * HOUR_MS,
  utilities: 24 * HOUR_MS,
  general: 7 * DAY_MS,
  complex: 15 * DAY_MS,
});

/** Category codes are `<domain>.<subject>`, lower snake case. */
export const defaultCategoryTiers: Readonly<Record<string, AppealTier>> = Object.freeze({
  'safety.gas_leak': 'emergency',
  'safety.fire_hazard': 'emergency',
  'safety.structural_danger': 'emergency',
  'safety.elevator_entrapment': 'emergency',
  'welfare.person_in_danger': 'emergency',
  'utilities.water': 'utilities',
  'utilities.power': 'utilities',
  'utilities.gas': 'utilities',
  'utilities.heating': 'utilities',
  'utilities.drainage': 'utilities',
  'utilities.elevator': 'utilities',
  'environment.sanitation': 'general',
  'environment.greening': 'general',
  'environment.noise': 'general',
  'property.repair': 'general',
  'property.parking': 'general',
  'property.service': 'general',
  'community.neighbour_dispute': 'general',
  'community.consultation': 'general',
  'welfare.assistance': 'general',
  'property.maintenance_fund': 'complex',
  'property.owners_committee': 'complex',
  'planning.illegal_construction': 'complex',
  'planning.renovation': 'complex',
  'community.multi_party_dispute': 'complex',
});

export interface DeadlinePolicy {
  readonly categoryTiers: Readonly<Record<string, AppealTier>>;
  readonly tierDurations: Readonly<Record<AppealTier, number>>;
}

export const defaultDeadlinePolicy: DeadlinePolicy = Object.freeze({
  categoryTiers: defaultCategoryTiers,
  tierDurations: defaultTierDurations,
});

const CATEGORY_CODE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * A policy from configuration. `categoryTiers`, when given, is the whole catalogue (it replaces the
 * default one, so a district can drop categories); `tierDurations` overrides only the tiers it names.
 * Bad configuration throws a RangeError at start-up rather than a surprise at the first dispatch.
 */
export function createDeadlinePolicy(
  config: {
    categoryTiers?: Readonly<Record<string, string>>;
    tierDurations?: Partial<Readonly<Record<AppealTier, number>>>;
  } = {},
): DeadlinePolicy {
  const tierDurations = { ...defaultTierDurations, ...config.tierDurations };
  for (const tier of APPEAL_TIERS) {
    const duration = tierDurations[tier];
    if (!Number.isSafeInteger(duration) || duration <= 0) {
      throw new RangeError(`appeal deadlines: the duration of tier ${tier} must be a positive number of milliseconds`);
    }
  }
  const categoryTiers = config.categoryTiers ?? defaultCategoryTiers;
  for (const [category, tier] of Object.entries(categoryTiers)) {
    if (!CATEGORY_CODE.test(category)) {
      throw new RangeError(`appeal deadlines: category code ${category} is not <domain>.<subject>`);
    }
    if (!(APPEAL_TIERS as readonly string[]).includes(tier)) {
      throw new RangeError(`appeal deadlines: category ${category} has unknown tier ${tier}`);
    }
  }
  return Object.freeze({
    categoryTiers: Object.freeze({ ...(categoryTiers as Record<string, AppealTier>) }),
    tierDurations: Object.freeze(tierDurations),
  });
}

/** The tier of a category; an unconfigured category is a ValidationError on `category`. */
export function tierOf(policy: DeadlinePolicy, category: string): AppealTier {
  // Own properties only: 'constructor' or '__proto__' are not categories.
  const tier = Object.hasOwn(policy.categoryTiers, category) ? policy.categoryTiers[category] : undefined;
  if (tier === undefined) throw new ValidationError('category', `category ${category} is not a configured appeal category`);
  return tier;
}

/** Tier and deadline (UTC ISO) of an appeal of `category` dispatched at `dispatchedAt` (UTC ISO). */
export function deadlineFor(
  policy: DeadlinePolicy,
  category: string,
  dispatchedAt: string,
): { tier: AppealTier; deadline: string } {
  const tier = tierOf(policy, category);
  return { tier, deadline: new Date(Date.parse(dispatchedAt) + policy.tierDurations[tier]).toISOString() };
}

/** Overdue strictly after the deadline: an appeal resolved at the deadline instant is on time. */
export const isOverdue = (deadline: string, now: string): boolean => Date.parse(now) > Date.parse(deadline);
