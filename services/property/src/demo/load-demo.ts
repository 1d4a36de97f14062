/**
 * `node dist/services/property/src/demo/load-demo.js` (run by `npm start` once the property service is healthy
 * on the same database): loads the compounds, contracts, work orders, assessments and owners' committees of the
 * demo street through the real command handlers. No HTTP, no relay (the running service publishes the events).
 * Safe to run again.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { PropertyCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'property',
  () => NestFactory.createApplicationContext(PropertyCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }, { communityDirectory: false }), { logger: ['error', 'warn'] }),
  async (app, log) => describeDemoRun(await loadDemo(app, { log })),
);
