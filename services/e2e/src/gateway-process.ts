/**
 * The gateway as `npm start` runs it — the built `dist/services/gateway/src/main.js` in a process of its own —
 * pointed at the subgraphs of a suite (their random ports), verifying tokens with the given JWKS file.
 */
import { freePort, startBuiltService, type GraphqlResponse } from '@cogov/testing';
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
  const gateway = await startBuiltService(
    'gateway',
    port,
    {
      HOST: '127.0.0.1',
      ...Object.fromEntries(names.map((name) => [URL_VARIABLES[name], `http://127.0.0.1:${suite.service(name).port}/graphql`])),
      ...env,
    },
    timeoutMs,
  );
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
    stop: () => gateway.stop(),
    output: () => gateway.output(),
  };
}
