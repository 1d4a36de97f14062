import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './global-setup.js';

/** A built service running as a process of its own. */
export interface BuiltServiceProcess {
  child: ChildProcess;
  /** Everything it has written to stdout and stderr. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL — a crash, mid-way through whatever it was doing; resolves once it has exited. */
  kill(): Promise<void>;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

function signalled(child: ChildProcess, signal: NodeJS.Signals, graceMs?: number): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = graceMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * A built service (`dist/services/<name>/src/main.js`) as `npm start` runs it, a process of its own with only PATH
 * and `env` in its environment (tests, benches and tools choose every setting), started from the repository root.
 * Resolves once `/health` on `port` answers 200; fails with the end of its output when it exits first or is not
 * healthy within `timeoutMs` (and is then killed).
 */
export async function startBuiltService(name: string, port: number, env: NodeJS.ProcessEnv, timeoutMs = 40_000): Promise<BuiltServiceProcess> {
  const root = repoRoot();
  // kafkajs 2.2.4 schedules a timer with a negative delay on Node ≥ 23 (tulios/kafkajs#1751): harmless, silenced.
  const child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', path.join(root, `dist/services/${name}/src/main.js`)], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  const running: BuiltServiceProcess = {
    child,
    output: () => log,
    stop: (graceMs = 10_000) => signalled(child, 'SIGTERM', graceMs),
    kill: () => signalled(child, 'SIGKILL'),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode} while starting:\n${log.slice(-4000)}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await running.kill();
  throw new Error(`${name} not healthy on port ${port} within ${timeoutMs} ms:\n${log.slice(-4000)}`);
}
