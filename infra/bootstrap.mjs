// Entry point of `npm start`, `npm test` and `npm run bench` on a fresh clone: runs on whatever Node the
// machine has (Node 20 here), installs the dependencies when they are missing or stale (package-lock.json
// changed), then re-runs the real script on the project's own Node 24 (the `node` devDependency).
// Without a script name it only installs. Uses nothing but Node built-ins.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
const projectNode = path.join(repoRoot, 'node_modules', '.bin', 'node');
const stamp = path.join(repoRoot, 'node_modules', '.cogov-install-stamp');
const say = (line) => process.stdout.write(`[cogov] ${line}\n`);

function lockHash() {
  const lock = path.join(repoRoot, 'package-lock.json');
  return createHash('sha256')
    .update(readFileSync(path.join(repoRoot, 'package.json')))
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex');
}

function npm(npmArgs) {
  return spawnSync('npm', npmArgs, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

const wanted = lockHash();
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (!existsSync(projectNode) || installed !== wanted) {
  const started = Date.now();
  say('installing dependencies (npm install, from package-lock.json; includes Node 24) …');
  // `npm ci` would reject our lock: the registry reachable here serves only linux-x64 builds of packages with
  // per-platform optional dependencies, so the lock lacks the other platforms' entries (npm/cli#4828).
  // `npm install --no-save` installs the locked versions without rewriting the lock.
  const result = npm(['install', '--no-audit', '--no-fund', '--no-save']);
  if (result.status !== 0 || !existsSync(projectNode)) {
    say('✘ npm install failed; see the output above.');
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, `${wanted}\n`);
  say(`dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (!script) process.exit(0);
const child = spawnSync(projectNode, [path.join(repoRoot, 'infra', script), ...args], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${path.dirname(projectNode)}${path.delimiter}${process.env.PATH}` },
});
process.exit(child.status ?? 1);
