import type { INestApplicationContext } from '@nestjs/common';
import { BackgroundWork } from '../background-work.js';

/**
 * The body of a service's `load-demo.js` (run by `npm start` once the service is healthy on the same
 * database): opens the service's command context (without its relay: the running service publishes the
 * events), runs `load`, waits until the read models hold what was loaded, prints the summary and exits
 * non-zero with the reason on failure.
 */
export async function runDemoCli(
  service: string,
  openContext: () => Promise<INestApplicationContext>,
  load: (app: INestApplicationContext, log: (line: string) => void) => Promise<string[]>,
): Promise<void> {
  const say = (line: string) => process.stdout.write(`[demo:${service}] ${line}\n`);
  try {
    const app = await openContext();
    try {
      const lines = await load(app, say);
      const caughtUp = Date.now();
      // Leave with the read models current, whether this process or the service leads the projections.
      await app.get(BackgroundWork).catchUp();
      for (const line of lines) say(line);
      say(`read models caught up in ${((Date.now() - caughtUp) / 1000).toFixed(1)} s`);
    } finally {
      await app.close();
    }
  } catch (error) {
    process.stderr.write(`[demo:${service}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
