/**
 * `node dist/services/residents/src/demo/load-demo.js` (run by `npm start` once the residents service is
 * healthy on the same database): loads the demo street 朝阳街道 and its communities through the real command
 * handlers. No HTTP, no relay (the running service publishes the events), no escalation scheduler. Safe to
 * run again.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { ResidentsCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'residents',
  () => NestFactory.createApplicationContext(ResidentsCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }), { logger: ['error', 'warn'] }),
  async (app, log) => {
    const summary = await loadDemo(app, { log });
    // `npm start` mints the demo tokens for exactly this jurisdiction.
    const jurisdictionFile = path.join(process.env.COGOV_DATA ?? path.join(homedir(), '.local/share/cogov'), 'demo', 'residents.json');
    await mkdir(path.dirname(jurisdictionFile), { recursive: true });
    await writeFile(
      jurisdictionFile,
      `${JSON.stringify({ streetId: summary.streetId, communityId: summary.communityId, gridIds: summary.gridIds, communityIds: summary.communityIds }, null, 2)}\n`,
    );
    return [...describeDemoRun(summary), `communities ${summary.communityIds.join(', ')}; jurisdiction written to ${jurisdictionFile}`];
  },
);
