import { loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

/** The party-building service needs only the kit's common settings. */
export type PartyBuildingConfig = ServiceConfig;

export const DATABASE = 'cogov_party_building';

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PartyBuildingConfig => loadServiceConfig(env, { database: DATABASE, port: 4005 });
