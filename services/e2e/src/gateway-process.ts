/**
 * The gateway as `npm start` runs it — the built `dist/services/gateway/src/main.js` in a process of its own —
 * pointed at the subgraphs of a suite (their random ports), verifying tokens with the given JWKS file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, repoRoot, type GraphqlResponse } from '@cogov/testing';
import type { ServiceName, Suite } from './suite.js';

const URL_VARIABLES: Record<ServiceName, string> = {
  residents: 'RESIDENTS_URL',
  organisations: 'ORGANISATIONS_URL',
  volunteers: 'VOLUNTEERS_URL',
  property: 'PROPERTY_URL',
  'party-building': 'PARTY_BUILDING_URL',
  governance: 'GOVERNANCE_URL',
  webhooks: 'WEBHOOKS_URL',
};

export interface GatewayProcess {
  url: string;
  /** POSTs an operation; `token` undefined sends no Authorization header. */
  graphql<T = Record<string, unknown>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T> & { status: number }>;
  stop(): Promise<void>;
  output(): string;
}

export async function startGatewayProcess(
  suite: Suite,
  names: readonly ServiceName[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<GatewayProcess> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot(), 'dist/services/gateway/src/main.js')], {
    cwd: repoRoot(),
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...Object.fromEntries(names.map((name) => [URL_VARIABLES[name], `http://127.0.0.1:${suite.service(name).port}/graphql`])),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode} while starting:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`gateway not healthy on port ${port} within ${timeoutMs} ms:\n${log.slice(-4000)}`);
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async graphql(token, query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphqlResponse<never>) };
    },
    stop,
    output: () => log,
  };
}
