import { startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type ResidentsConfig } from '../src/infrastructure/config.js';

export type { GraphqlResponse } from '@cogov/testing';

/** The kit's service test app (@cogov/testing) for the residents service, escalation scheduler off. */
export type ResidentsTestApp = ServiceTestApp<ResidentsConfig>;

export function startResidentsApp(hint: string, env: NodeJS.ProcessEnv = {}): Promise<ResidentsTestApp> {
  return startServiceApp({ hint, loadConfig, module: (config) => AppModule.forRoot(config), env: { ESCALATION_ENABLED: 'false', ...env } });
}
