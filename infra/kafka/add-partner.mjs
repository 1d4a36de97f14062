// Adds (or updates) a partner's Kafka access on the local broker (ADR 0009):
//   npm run partner:add -- <name> [--password <password>] [--prefix <topic prefix>]
// - a SCRAM-SHA-512 user `partner-<name>` on the broker's PARTNER listener (KAFKA_SASL_PORT, default 9094);
// - ACLs: READ and DESCRIBE on each context's public topic `cogov.<context>.public.v1`, READ on the consumer groups
//   whose id starts with `partner.<name>.` — nothing else (no internal topic, no other group, no write);
// - the credentials in ~/.local/share/cogov/partners/<name>.env (mode 600); the password is generated unless given.
// Needs the broker of infra/kafka/kafka.sh (with its PARTNER listener) and the built contracts (the npm script builds).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../swc.config.mjs';

const require = createRequire(import.meta.url);
// kafkajs is CommonJS: its enums are read through require (Node's ESM loader does not see them).
const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = require('kafkajs');

function fail(message) {
  process.stderr.write(`partner: error: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (flag) => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) fail(`${flag} needs a value`);
  args.splice(at, 2);
  return value;
};
const password = option('--password') ?? randomBytes(18).toString('base64url');
const prefix = option('--prefix');
const name = args[0];
if (!name || args.length > 1) fail('usage: npm run partner:add -- <name> [--password <password>] [--prefix <topic prefix>]');
if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(name)) fail(`partner name '${name}' must be 2–40 lowercase letters, digits or '-'`);
if (password.length < 12 || /[\s,=[\]]/.test(password)) fail('the password must have at least 12 characters and no spaces, commas, brackets or =');

const env = Object.fromEntries(
  execFileSync('bash', [path.join(repoRoot, 'infra/kafka/kafka.sh'), 'env'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.split(/=(.*)/s).slice(0, 2)),
);
const brokers = process.env.KAFKA_BROKERS ?? env.KAFKA_BROKERS;
const partnerBrokers = process.env.KAFKA_PARTNER_BROKERS ?? env.KAFKA_PARTNER_BROKERS;
const { PUBLIC_EVENTS, publicTopic } = await import(path.join(repoRoot, 'dist/libs/contracts/src/index.js'));
const topics = Object.keys(PUBLIC_EVENTS).map((context) => publicTopic(context, prefix));
const user = `partner-${name}`;
const groupPrefix = `${prefix ? `${prefix}.` : ''}partner.${name}.`;

// The SCRAM credential, through the broker (KRaft stores it in the metadata log): Kafka's own tool.
try {
  execFileSync(
    'java',
    [
      '-Xshare:auto',
      '-XX:TieredStopAtLevel=1',
      `-Dlog4j2.configurationFile=${path.join(repoRoot, 'infra/kafka/log4j2.xml')}`,
      '-Dlog4j2.level=WARN',
      '-cp',
      `${env.KAFKA_LIBS}/*`,
      'kafka.admin.ConfigCommand',
      '--bootstrap-server',
      brokers,
      '--alter',
      '--add-config',
      `SCRAM-SHA-512=[iterations=8192,password=${password}]`,
      '--entity-type',
      'users',
      '--entity-name',
      user,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
} catch (error) {
  fail(`could not set the SCRAM credential of ${user} on ${brokers}: ${String(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' ')}`);
}

const admin = new Kafka({ clientId: 'cogov-add-partner', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
await admin.connect();
try {
  const principal = `User:${user}`;
  const allow = { principal, host: '*', permissionType: AclPermissionTypes.ALLOW };
  await admin.createAcls({
    acl: [
      ...topics.flatMap((topic) =>
        [AclOperationTypes.READ, AclOperationTypes.DESCRIBE].map((operation) => ({
          ...allow,
          operation,
          resourceType: AclResourceTypes.TOPIC,
          resourceName: topic,
          resourcePatternType: ResourcePatternTypes.LITERAL,
        })),
      ),
      { ...allow, operation: AclOperationTypes.READ, resourceType: AclResourceTypes.GROUP, resourceName: groupPrefix, resourcePatternType: ResourcePatternTypes.PREFIXED },
    ],
  });
} finally {
  await admin.disconnect();
}

const dir = path.join(process.env.COGOV_DATA ?? path.join(homedir(), '.local/share/cogov'), 'partners');
mkdirSync(dir, { recursive: true, mode: 0o700 });
const file = path.join(dir, `${name}${prefix ? `.${prefix}` : ''}.env`);
writeFileSync(
  file,
  [
    `KAFKA_PARTNER_BROKERS=${partnerBrokers}`,
    'KAFKA_SASL_MECHANISM=scram-sha-512',
    `KAFKA_SASL_USERNAME=${user}`,
    `KAFKA_SASL_PASSWORD=${password}`,
    `KAFKA_GROUP_PREFIX=${groupPrefix}`,
    `KAFKA_TOPICS=${topics.join(',')}`,
    '',
  ].join('\n'),
  { mode: 0o600 },
);
process.stdout.write(
  `partner ${name}: user ${user} on ${partnerBrokers} (SASL/SCRAM-SHA-512)\n` +
    `  may read: ${topics.join(', ')}\n` +
    `  in consumer groups starting with: ${groupPrefix}\n` +
    `  credentials: ${file}\n`,
);
