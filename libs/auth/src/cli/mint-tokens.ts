/**
 * Prints development tokens for the demo roles, one per line of a table.
 *   npm run tokens -- --community <id> --street <id> [--grid <id>] [--organisation <id>] [--ttl 8h] [--keys <dir>]
 *                     [--save-env <path>]
 * The keys are generated on first use (see dev-keys.ts); services verify with the printed JWKS path.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Role } from '../actor.js';
import { defaultKeysDir, ensureDevKeys, mintToken, type DevTokenClaims } from '../dev/dev-keys.js';

const usage =
  'usage: npm run tokens -- --community <id> --street <id> [--grid <id>] [--organisation <id>] [--ttl 8h] [--keys <dir>] [--save-env <path>]\n';
let parsed;
try {
  parsed = parseArgs({
    options: {
      community: { type: 'string', default: 'community-demo' },
      street: { type: 'string', default: 'street-demo' },
      grid: { type: 'string', default: 'grid-demo' },
      organisation: { type: 'string', default: 'organisation-demo' },
      ttl: { type: 'string', default: '8h' },
      keys: { type: 'string', default: defaultKeysDir() },
      'save-env': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (parsed.values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const { community, street, grid, organisation, ttl, keys } = parsed.values;
const envFile = parsed.values['save-env'];

const demo: { label: string; roles: Role[]; subject: string; jurisdiction: DevTokenClaims['jurisdiction'] }[] = [
  { label: 'street admin', roles: ['street_admin'], subject: 'demo-street-admin', jurisdiction: { streetIds: [street] } },
  {
    label: `community staff (${community})`,
    roles: ['community_staff'],
    subject: 'demo-community-staff',
    jurisdiction: { communityIds: [community] },
  },
  { label: `grid worker (${grid})`, roles: ['grid_worker'], subject: 'demo-grid-worker', jurisdiction: { gridIds: [grid] } },
  {
    label: 'agency analyst',
    roles: ['agency_analyst'],
    subject: 'demo-agency-analyst',
    jurisdiction: { streetIds: [street] },
  },
  {
    label: 'organisation admin',
    roles: ['organisation_admin'],
    subject: 'demo-organisation-admin',
    jurisdiction: { organisationIds: [organisation] },
  },
];

const devKeys = await ensureDevKeys(keys);
const rows = await Promise.all(
  demo.map(async ({ label, roles, subject, jurisdiction }) => {
    const token = await mintToken(devKeys.privateKey, { subject, roles, jurisdiction, clientId: 'cogov-dev-cli' }, ttl, devKeys.kid);
    return [label, roles.join(','), token] as const;
  }),
);
if (envFile) {
  // One shell variable per role (`STREET_ADMIN_TOKEN=…`), for `source <file>` before trying the API with curl.
  const lines = rows.map(([, roles, token]) => `${roles.toUpperCase()}_TOKEN=${token}`);
  await writeFile(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
}
const header = ['WHO', 'ROLES'] as const;
const width = (i: 0 | 1): number => Math.max(header[i].length, ...rows.map((r) => r[i].length));
process.stdout.write(`${header[0].padEnd(width(0))}  ${header[1].padEnd(width(1))}  TOKEN (valid ${ttl})\n`);
for (const [label, roles, token] of rows) {
  process.stdout.write(`${label.padEnd(width(0))}  ${roles.padEnd(width(1))}  ${token}\n`);
}
process.stdout.write(`\nverification keys: ${devKeys.jwksPath} (JWKS), ${devKeys.publicKeyPath} (PEM)\n`);
