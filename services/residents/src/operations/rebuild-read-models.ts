// Rebuilds the residents read models from the event log without downtime (docs/runbooks/rebuild-read-models.md):
//   node dist/services/residents/src/operations/rebuild-read-models.js [projection-name ...]   (default: all)
// DATABASE_URL as for the service. Works whether the service runs (its leader does the work) or not (this does).
import 'reflect-metadata';
import pg from 'pg';
import { PostgresEventStore, ensureEventStoreSchema } from '@cogov/eventsourcing';
import { DEFAULT_DATABASE_URL } from '../infrastructure/config.js';
import { PROJECTIONS } from '../infrastructure/residents-infrastructure.module.js';
import { rebuildReadModels } from './read-model-rebuild.js';

const names = process.argv.slice(2);
const known = PROJECTIONS.map((p) => p.name);
if (names.some((n) => n === '--help' || n === '-h')) {
  process.stdout.write(`usage: rebuild-read-models [projection-name ...]\nprojections: ${known.join(', ')} (default: all)\n`);
  process.exit(0);
}
const unknown = names.filter((n) => !known.includes(n));
if (unknown.length > 0) {
  process.stderr.write(`unknown projection ${unknown.join(', ')}; the residents service has: ${known.join(', ')}\n`);
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, max: 6 });
const abort = new AbortController();
process.once('SIGINT', () => abort.abort());
process.once('SIGTERM', () => abort.abort());
try {
  // The registry columns a rebuild needs are added here too, for a database whose service has not been upgraded yet.
  await ensureEventStoreSchema(pool);
  const projections = names.length > 0 ? PROJECTIONS.filter((p) => names.includes(p.name)) : PROJECTIONS;
  const summaries = await rebuildReadModels({
    pool,
    store: new PostgresEventStore(pool),
    projections,
    print: (line) => process.stdout.write(`${line}\n`),
    signal: abort.signal,
  });
  process.exitCode = summaries.length === projections.length ? 0 : 130;
} catch (error) {
  process.stderr.write(`[rebuild] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
