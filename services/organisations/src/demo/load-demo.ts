/**
 * `node dist/services/organisations/src/demo/load-demo.js` (run by `npm start` once the organisations service is
 * healthy on the same database): loads the demo street's organisations, co-building pairings and shared
 * facilities through the real command handlers. No HTTP, no relay (the running service publishes the events).
 * Safe to run again.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { OrganisationsCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'organisations',
  () => NestFactory.createApplicationContext(OrganisationsCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }), { logger: ['error', 'warn'] }),
  async (app, log) => {
    const summary = await loadDemo(app, { log });
    return [...describeDemoRun(summary), `history up to ${summary.now} in communities ${summary.communityIds.join(', ')}`];
  },
);
