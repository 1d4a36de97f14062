// `npm test`: static checks, then every Jest test (unit + integration against the real PostgreSQL and
// Kafka), then one closing line `N passed, N failed` that CI reads. A failed check counts as a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './swc.config.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const jestArgs = process.argv.slice(2);
let failedChecks = 0;

function step(title, command, args, { counted = true } = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (!ok && counted) failedChecks++;
  return ok;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
process.stdout.write(`node ${process.version} (${process.execPath})\n`);
if (jestArgs.length === 0) {
  step('type check (tsc --noEmit)', npm, ['run', '-s', 'typecheck']);
  step('lint (eslint + Nx module boundaries)', npm, ['run', '-s', 'lint']);
  step('build (swc → dist/)', npm, ['run', '-s', 'build']);
}

const out = path.join(mkdtempSync(path.join(tmpdir(), 'cogov-jest-')), 'results.json');
step('jest (unit + integration on real PostgreSQL and Kafka)', process.execPath, [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  path.join(repoRoot, 'node_modules/jest/bin/jest.js'),
  '--ci',
  '--maxWorkers=2',
  '--json',
  `--outputFile=${out}`,
  ...jestArgs,
], { counted: false });

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  if (skipped > 0) {
    process.stdout.write(`\n${skipped} skipped or todo tests: a skipped test is a failure here.\n`);
    failed += skipped;
  }
  if (results.numTotalTests === 0) {
    process.stdout.write('\nJest ran no test.\n');
    failed += 1;
  }
} else {
  process.stdout.write('\nJest wrote no results (it crashed before running tests).\n');
  failed += 1;
}
if (failedChecks > 0) process.stdout.write(`\n${failedChecks} step(s) failed (see ✘ above).\n`);
failed += failedChecks;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
