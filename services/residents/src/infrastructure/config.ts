import { defaultDatabaseUrl, integerFromEnv, loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

/** The common service settings (@cogov/service-kit) and the residents' own. */
export interface ResidentsConfig extends ServiceConfig {
  escalation: { enabled: boolean; intervalMs: number };
  /** Category code → deadline tier; categories not listed fall back to `general`. */
  categoryTiers: Record<string, string> | undefined;
}

const DEFAULTS = { database: 'cogov_residents', port: 4001 };

export const DEFAULT_DATABASE_URL = defaultDatabaseUrl(DEFAULTS.database);

function categoryTiers(env: NodeJS.ProcessEnv): Record<string, string> | undefined {
  const raw = env.APPEAL_CATEGORY_TIERS;
  if (!raw) return undefined;
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('APPEAL_CATEGORY_TIERS must be a JSON object of category code → tier');
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ResidentsConfig {
  return {
    ...loadServiceConfig(env, DEFAULTS),
    escalation: {
      enabled: env.ESCALATION_ENABLED !== 'false',
      intervalMs: integerFromEnv(env, 'ESCALATION_INTERVAL_MS', 60_000, 100),
    },
    categoryTiers: categoryTiers(env),
  };
}
