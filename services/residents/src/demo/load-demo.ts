/**
 * `node dist/services/residents/src/demo/load-demo.js` (run by `npm start` once the residents service is
 * healthy on the same database): loads 朝阳街道 / 幸福里社区 through the real command handlers. No HTTP,
 * no relay (the running service publishes the events), no escalation scheduler. Safe to run again.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { BackgroundWork } from '@cogov/service-kit';
import { ResidentsCommandsModule } from '../app.module.js';
import { loadConfig } from '../infrastructure/config.js';
import { loadDemo } from './demo-loader.js';

const say = (line: string) => process.stdout.write(`[demo] ${line}\n`);

async function main(): Promise<void> {
  const config = { ...loadConfig(), relayEnabled: false };
  const app = await NestFactory.createApplicationContext(ResidentsCommandsModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const summary = await loadDemo(app, { log: say });
    const caughtUp = Date.now();
    // Leave with the read models current, whether this process or the service leads the projections.
    await app.get(BackgroundWork).catchUp();
    for (const phase of summary.phases) {
      say(`${phase.name.padEnd(10)} ${String(phase.aggregates).padStart(5)} aggregates ${String(phase.commands).padStart(5)} commands ${(phase.ms / 1000).toFixed(1).padStart(6)} s`);
    }
    say(
      `community ${summary.communityId}: ${summary.commandsRun} commands run, ${summary.commandsSkipped} already loaded, ` +
        `${summary.eventsAppended} events appended in ${(summary.totalMs / 1000).toFixed(1)} s; read models caught up in ${((Date.now() - caughtUp) / 1000).toFixed(1)} s`,
    );
    // `npm start` mints the demo tokens for exactly this jurisdiction.
    const jurisdictionFile = path.join(process.env.COGOV_DATA ?? path.join(homedir(), '.local/share/cogov'), 'demo', 'residents.json');
    await mkdir(path.dirname(jurisdictionFile), { recursive: true });
    await writeFile(
      jurisdictionFile,
      `${JSON.stringify({ streetId: summary.streetId, communityId: summary.communityId, gridIds: summary.gridIds }, null, 2)}\n`,
    );
    say(`jurisdiction written to ${jurisdictionFile}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
