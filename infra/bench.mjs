// `npm run bench`: prints a table of figures (a benchmark is a script, not a timed test).
// Needs the real PostgreSQL and Kafka, like `npm start`; builds first so it measures compiled code.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './swc.config.mjs';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const log = (line) => process.stdout.write(`[bench] ${line}\n`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('bash', ['infra/db/create-databases.sh']);
if (!process.env.KAFKA_BROKERS) run('bash', ['infra/kafka/kafka.sh', 'start']);
run(process.execPath, ['infra/build.mjs']);

const suites = [
  ['event store', 'dist/libs/eventsourcing/bench/event-store.bench.js', 'benchEventStore'],
  ['relay', 'dist/libs/messaging/bench/relay.bench.js', 'benchRelay'],
  ['residents subgraph', 'dist/services/residents/bench/commands.bench.js', 'benchCommands'],
  ['workflows', 'dist/services/e2e/bench/workflow-latency.bench.js', 'benchWorkflowLatency'],
  ['governance view', 'dist/services/e2e/bench/governance.bench.js', 'benchGovernance'],
  ['webhooks', 'dist/services/webhooks/bench/delivery.bench.js', 'benchWebhooks'],
];

const rows = [];
for (const [title, file, exported] of suites) {
  log(`${title} …`);
  const module = await import(path.join(repoRoot, file));
  rows.push(...(await module[exported]({ databaseUrl: adminUrl, brokers, log })));
}

const fmt = (n) => (n === undefined || n === null ? '' : Math.round(n).toLocaleString('en-US'));
const header = ['benchmark', 'ops/s', 'events/s', 'p50 ms', 'p99 ms', 'note'];
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.opsPerSec)} | ${fmt(r.eventsPerSec)} | ${r.p50Ms?.toFixed?.(1) ?? ''} | ${r.p99Ms?.toFixed?.(1) ?? ''} | ${r.note ?? ''} |`,
  ),
].join('\n');
process.stdout.write(`\n${table}\n`);
const out = path.join(repoRoot, 'tmp', 'bench-results.md');
spawnSync('mkdir', ['-p', path.dirname(out)]);
writeFileSync(out, `${new Date().toISOString()}\n\n${table}\n`);
log(`table also written to ${path.relative(repoRoot, out)}`);
process.exit(0);
