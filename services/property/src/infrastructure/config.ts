import { loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

export type PropertyConfig = ServiceConfig;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PropertyConfig =>
  loadServiceConfig(env, { database: 'cogov_property', port: 4004 });
