// Rebuilds the party-building read models from the event log without downtime (docs/runbooks/rebuild-read-models.md):
//   node dist/services/party-building/src/operations/rebuild-read-models.js [projection-name ...]   (default: all)
// DATABASE_URL as for the service. Works whether the service runs (its leader does the work) or not (this does).
import 'reflect-metadata';
import { defaultDatabaseUrl, runRebuildCli } from '@cogov/service-kit';
import { DATABASE } from '../infrastructure/config.js';
import { CONTEXT, PROJECTIONS } from '../infrastructure/party-building-infrastructure.js';

await runRebuildCli({ context: CONTEXT, projections: PROJECTIONS, databaseUrl: process.env.DATABASE_URL ?? defaultDatabaseUrl(DATABASE) });
