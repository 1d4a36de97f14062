/**
 * `node dist/services/party-building/src/demo/load-demo.js` (run by `npm start` once the party-building service is
 * healthy on the same database): loads the party organisations, members, household contacts and activities of
 * the demo street through the real command handlers. No HTTP, no relay (the running service publishes the
 * events). Safe to run again.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { PartyBuildingCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'party-building',
  () => NestFactory.createApplicationContext(PartyBuildingCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }), { logger: ['error', 'warn'] }),
  async (app, log) => describeDemoRun(await loadDemo(app, { log })),
);
