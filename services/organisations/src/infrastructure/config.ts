import { defaultDatabaseUrl, integerFromEnv, loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

/** The common service settings (@cogov/service-kit) and the organisations' own. */
export interface OrganisationsConfig extends ServiceConfig {
  /** Smallest support fund a co-building pairing may pledge, in fen (default 500,000 fen = 5,000 yuan). */
  minimumPledgeFen: number;
}

const DEFAULTS = { database: 'cogov_organisations', port: 4002 };

export const DEFAULT_DATABASE_URL = defaultDatabaseUrl(DEFAULTS.database);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OrganisationsConfig {
  return {
    ...loadServiceConfig(env, DEFAULTS),
    minimumPledgeFen: integerFromEnv(env, 'PAIRING_MINIMUM_PLEDGE_FEN', 500_000, 0),
  };
}
