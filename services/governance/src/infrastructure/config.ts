import { loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

/** The governance view needs only the kit's common settings. */
export type GovernanceConfig = ServiceConfig;

export const DATABASE = 'cogov_governance';
export const CONTEXT = 'governance';

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): GovernanceConfig => loadServiceConfig(env, { database: DATABASE, port: 4006 });
