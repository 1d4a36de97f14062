import pg from 'pg';
import { PostgresEventStore, ensureEventStoreSchema, type Projection } from '@cogov/eventsourcing';
import { rebuildReadModels } from './read-model-rebuild.js';

export interface RebuildCliOptions {
  context: string;
  projections: readonly Projection[];
  databaseUrl: string;
  /** The projection names asked for (default: all). */
  argv?: string[];
}

/**
 * The body of a service's `rebuild-read-models` script (docs/runbooks/rebuild-read-models.md): rebuilds the
 * named read models without downtime, whether the service runs (its leader does the work) or not (this does).
 * Sets `process.exitCode`: 0 done, 1 failed, 2 unknown projection, 130 interrupted.
 */
export async function runRebuildCli({ context, projections: all, databaseUrl, argv = process.argv.slice(2) }: RebuildCliOptions): Promise<void> {
  const known = all.map((p) => p.name);
  if (argv.some((n) => n === '--help' || n === '-h')) {
    process.stdout.write(`usage: rebuild-read-models [projection-name ...]\nprojections: ${known.join(', ')} (default: all)\n`);
    return;
  }
  const unknown = argv.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown projection ${unknown.join(', ')}; the ${context} service has: ${known.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  try {
    // The registry columns a rebuild needs are added here too, for a database whose service has not been upgraded yet.
    await ensureEventStoreSchema(pool);
    const projections = argv.length > 0 ? all.filter((p) => argv.includes(p.name)) : all;
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
}
