/**
 * `node dist/services/volunteers/src/demo/load-demo.js` (run by `npm start` once the volunteers service is
 * healthy on the same database): loads the demo street's volunteer teams, volunteers, service opportunities and
 * hours ledgers through the real command handlers. No HTTP, no relay (the running service publishes the events),
 * no workflows. Safe to run again.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { VolunteersCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'volunteers',
  () => NestFactory.createApplicationContext(VolunteersCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }), { logger: ['error', 'warn'] }),
  async (app, log) => {
    const summary = await loadDemo(app, { log });
    return [...describeDemoRun(summary), `history up to ${summary.now} in communities ${summary.communityIds.join(', ')}`];
  },
);
