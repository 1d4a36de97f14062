import { loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

export type VolunteersConfig = ServiceConfig;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): VolunteersConfig =>
  loadServiceConfig(env, { database: 'cogov_volunteers', port: 4003 });
