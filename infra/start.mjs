// `npm start`: the whole suite on the real PostgreSQL and Kafka, with the demo community loaded.
// Idempotent: a running broker is reused, databases and demo data are created only once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, createWriteStream, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './swc.config.mjs';
import { demoOrder, services } from './services.mjs';

const dataDir = process.env.COGOV_DATA ?? path.join(homedir(), '.local/share/cogov');
const logDir = path.join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const started = Date.now();
const children = [];

const say = (line) => process.stdout.write(`[cogov] ${line}\n`);

function run(title, command, args, extraEnv = {}) {
  say(title);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    say(`✘ ${title} failed (exit ${result.status}). See the output above.`);
    process.exit(1);
  }
}

function databaseUrl(database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function waitForHealth(service, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service.name} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${service.name} did not become healthy within ${timeoutMs / 1000} s`);
}

function startService(service) {
  const logFile = path.join(logDir, `${service.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // kafkajs 2.2.4 schedules a timer with a negative delay on Node ≥ 23 (tulios/kafkajs#1751): harmless, but the
  // warning would fill the log, so exactly that warning is disabled.
  const child = spawn(process.execPath, ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', service.main], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      PORT: String(service.port),
      ...(service.database ? { DATABASE_URL: databaseUrl(service.database) } : {}),
      KAFKA_BROKERS: brokers,
      COGOV_DATA: dataDir,
      ...service.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  children.push({ service, child });
  return { child, logFile };
}

function stopAll(signal) {
  say(`stopping services (${signal}) …`);
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 10_000).unref();
  Promise.all(children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r))))).then(
    () => {
      say('services stopped; the Kafka broker keeps running (`npm run stop` stops it too).');
      process.exit(0);
    },
  );
}

/** True when something already listens on 127.0.0.1:port. */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

say(`node ${process.version}`);
// Another `npm start` (or anything else) on the suite's ports would answer the health checks in our place.
const taken = [];
for (const service of services) if (await portInUse(service.port)) taken.push(`${service.name} :${service.port}`);
if (taken.length > 0) {
  say(`✘ ports already in use: ${taken.join(', ')} — is the suite already running? Stop it (Ctrl+C in its terminal) first.`);
  process.exit(1);
}
run('PostgreSQL: checking and creating the service databases …', 'bash', ['infra/db/create-databases.sh'], {
  DATABASE_URL: adminUrl,
});
if (!process.env.KAFKA_BROKERS) run('Kafka: starting the local broker (reused when already up) …', 'bash', ['infra/kafka/kafka.sh', 'start']);
run('building (swc → dist/) …', process.execPath, ['infra/build.mjs']);

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

for (const service of services) {
  const { child, logFile } = startService(service);
  say(`${service.name}: starting on port ${service.port} (log: ${logFile}) …`);
  try {
    await waitForHealth(service, child);
  } catch (error) {
    say(`✘ ${error.message}; last log lines:`);
    spawnSync('tail', ['-n', '40', logFile], { stdio: 'inherit' });
    stopAll('error');
    process.exitCode = 1;
    await new Promise(() => undefined);
  }
  say(`${service.name}: healthy`);
}

for (const service of demoOrder.map((name) => services.find((s) => s.name === name)).filter((s) => s?.demo)) {
  run(`${service.name}: loading the demo data through the real commands …`, process.execPath, [service.demo], {
    DATABASE_URL: databaseUrl(service.database),
    KAFKA_BROKERS: brokers,
    COGOV_DATA: dataDir,
  });
}

say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.stdout.write('\n');
const gateway = services.find((s) => s.name === 'gateway');
process.stdout.write(`  ${'gateway'.padEnd(14)} GraphQL  http://127.0.0.1:${gateway.port}/graphql   (one API over the seven subgraphs)\n`);
for (const service of services.filter((s) => s !== gateway)) {
  process.stdout.write(
    `  ${service.name.padEnd(14)} GraphQL  http://127.0.0.1:${service.port}/graphql\n` +
      `  ${''.padEnd(14)} health   http://127.0.0.1:${service.port}/health   metrics http://127.0.0.1:${service.port}/metrics\n`,
  );
}
process.stdout.write(`  Kafka          ${brokers}  topics: ${services.flatMap((s) => s.topics ?? []).join(', ')}\n`);
process.stdout.write(`  logs           ${logDir}\n\n`);
const jurisdictionFile = path.join(dataDir, 'demo', 'residents.json');
const tokensFile = path.join(dataDir, 'demo', 'tokens.env');
const demo = existsSync(jurisdictionFile) ? JSON.parse(readFileSync(jurisdictionFile, 'utf8')) : undefined;
const partnerFile = path.join(dataDir, 'demo', 'organisations.json');
const partner = existsSync(partnerFile) ? JSON.parse(readFileSync(partnerFile, 'utf8')).partner : undefined;
run(
  'demo tokens for 朝阳街道 / 幸福里社区 (send as `Authorization: Bearer <token>`):',
  process.execPath,
  [
    'dist/libs/auth/src/cli/mint-tokens.js',
    '--save-env',
    tokensFile,
    ...(demo ? ['--street', demo.streetId, '--community', demo.communityId, '--grid', demo.gridIds[0]] : []),
    ...(partner ? ['--organisation', partner.organisationId] : []),
  ],
  { COGOV_DATA: dataDir },
);
const sampleQuery = JSON.stringify({
  query: `{ community(id: "${demo?.communityId ?? '<community id>'}") { name streetName householdsCount residentsCount grids { name workerName } } }`,
});
const streetId = demo?.streetId ?? '<street id>';
const scorecardQuery = JSON.stringify({
  query: `{ streetScorecard(streetId: "${streetId}") { streetName total { residents appeals { filed responseRate resolutionRate satisfactionRate overdue } pairings { active activities fundsDisbursedFen } } communities { communityName scorecard { volunteers { verifiedHoursPer1000Residents } party { householdsWithContactShare } property { committeeShare ratedFail } } } } }`,
});
// The last full month in Asia/Shanghai: the demo history covers the months before now.
const shanghaiNow = new Date(Date.now() + 8 * 3_600_000);
const lastMonth = new Date(Date.UTC(shanghaiNow.getUTCFullYear(), shanghaiNow.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
const governance = services.find((s) => s.name === 'governance');
const subscribeMutation = JSON.stringify({
  query: `mutation { createWebhookSubscription(input: { organisationId: "${partner?.organisationId ?? '<organisation id>'}", url: "http://127.0.0.1:8787/webhooks", communityIds: ["${demo?.communityId ?? '<community id>'}"], eventTypes: ["cn.cogov.public.residents.appeal-filed.v1", "cn.cogov.public.residents.appeal-resolved.v1", "cn.cogov.public.volunteers.service-opportunity-published.v1"] }) { secret subscription { id } } }`,
});
process.stdout.write(
  '\nTry (the tokens are also in ' + tokensFile + '):\n' +
    `  source ${tokensFile}\n` +
    `  curl -s http://127.0.0.1:${gateway.port}/graphql -H 'content-type: application/json' \\\n` +
    `    -H "authorization: Bearer $COMMUNITY_STAFF_TOKEN" -d '${sampleQuery}'\n` +
    '\nThe street scorecard (the governance view fills as it consumes the demo events, a few seconds):\n' +
    `  curl -s http://127.0.0.1:${gateway.port}/graphql -H 'content-type: application/json' \\\n` +
    `    -H "authorization: Bearer $AGENCY_ANALYST_TOKEN" -d '${scorecardQuery}'\n` +
    `\nThe monthly co-building report of ${lastMonth} as a page (open report.html in a browser):\n` +
    `  curl -s -H "authorization: Bearer $AGENCY_ANALYST_TOKEN" \\\n` +
    `    'http://127.0.0.1:${governance.port}/reports/monthly?streetId=${streetId}&month=${lastMonth}' > report.html\n` +
    `\nWebhooks for ${partner?.name ?? 'a partner NGO'} (examples/ngo-subscriber/README.md): subscribe, then run the example receiver with the secret:\n` +
    `  curl -s http://127.0.0.1:${gateway.port}/graphql -H 'content-type: application/json' \\\n` +
    `    -H "authorization: Bearer $ORGANISATION_ADMIN_TOKEN" -d '${subscribeMutation}'\n` +
    `  WEBHOOK_SECRET=<secret from the answer> npm run -s subscriber     # examples/ngo-subscriber, on :8787\n\n` +
    'Press Ctrl+C to stop the services.\n',
);
