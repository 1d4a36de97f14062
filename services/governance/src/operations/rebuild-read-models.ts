// Rebuilds the governance view's read model (gov_fact) from zero out of the events it stored (gov_event), with
// progress on stderr — whether the service runs or not (docs/governance.md#rebuild):
//   npm run rebuild:governance            (DATABASE_URL as for the service; default cogov_governance)
import pg from 'pg';
import { defaultDatabaseUrl } from '@cogov/service-kit';
import { DATABASE } from '../infrastructure/config.js';
import { rebuildFacts } from '../intake/rebuild.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? defaultDatabaseUrl(DATABASE), max: 2 });
try {
  process.stderr.write('governance: rebuilding gov_fact from gov_event …\n');
  const result = await rebuildFacts(pool, {
    onProgress: ({ events, total, facts }) =>
      process.stderr.write(`governance: ${events.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events (${Math.floor((events * 100) / Math.max(total, 1))}%), ${facts.toLocaleString('en-US')} facts\n`),
  });
  process.stdout.write(`governance: rebuilt ${result.facts.toLocaleString('en-US')} facts from ${result.events.toLocaleString('en-US')} events in ${result.ms} ms\n`);
} catch (error) {
  process.stderr.write(`governance: rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
