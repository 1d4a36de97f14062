/**
 * `node dist/services/organisations/src/demo/load-demo.js` (run by `npm start` once the organisations service is
 * healthy on the same database): loads the demo street's organisations, co-building pairings and shared
 * facilities through the real command handlers. No HTTP, no relay (the running service publishes the events).
 * Then names the demo's partner NGO in `<COGOV_DATA>/demo/organisations.json`. Safe to run again.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { describeDemoRun, runDemoCli } from '@cogov/service-kit';
import { OrganisationsCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { demoPartnerOrganisation } from './demo-data-set.js';
import { loadDemo } from './demo-loader.js';

await runDemoCli(
  'organisations',
  () => NestFactory.createApplicationContext(OrganisationsCommandsModule.forRoot({ ...loadConfig(), relayEnabled: false }), { logger: ['error', 'warn'] }),
  async (app, log) => {
    const summary = await loadDemo(app, { log });
    // `npm start` mints the demo organisation admin's token for this partner NGO of the main community.
    const partner = demoPartnerOrganisation();
    const organisationsFile = path.join(process.env.COGOV_DATA ?? path.join(homedir(), '.local/share/cogov'), 'demo', 'organisations.json');
    await mkdir(path.dirname(organisationsFile), { recursive: true });
    await writeFile(organisationsFile, `${JSON.stringify({ partner }, null, 2)}\n`);
    return [
      ...describeDemoRun(summary),
      `history up to ${summary.now} in communities ${summary.communityIds.join(', ')}`,
      `partner organisation ${partner.name} (${partner.organisationId}) written to ${organisationsFile}`,
    ];
  },
);
