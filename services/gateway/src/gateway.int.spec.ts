/**
 * The gateway in this process over the committed supergraph, its subgraphs either a stub (to see what the gateway
 * forwards) or a closed port: authentication, the hardening limits and GraphQL over HTTP conformance.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPair } from 'jose';
import { serverAudits } from 'graphql-http';
import { ensureDevKeys, mintToken, type DevKeys } from '@cogov/auth';
import { JsonLogger } from '@cogov/observability';
import { loadGatewayConfig, type GatewayLimits } from './config.js';
import { createGateway, type Gateway } from './gateway.js';
import { SUBGRAPHS } from './subgraphs.js';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let keys: DevKeys;
const gateways: Gateway[] = [];
const stubs: Server[] = [];

/** A port nothing listens on: every subgraph fetch fails to connect. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

async function startGateway(
  options: { limits?: Partial<GatewayLimits>; production?: boolean; subgraphUrl?: (name: string) => string } = {},
): Promise<string> {
  const dead = `http://127.0.0.1:${await closedPort()}/graphql`;
  const base = loadGatewayConfig({ JWT_JWKS_PATH: keys.jwksPath, NODE_ENV: options.production ? 'production' : 'test' });
  const gateway = await createGateway(
    {
      ...base,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, options.subgraphUrl?.(s.name) ?? dead])),
      limits: { ...base.limits, ...options.limits },
    },
    // Quiet: the logger writes nowhere during tests.
    new JsonLogger({ service: 'gateway', write: () => undefined }),
  );
  gateways.push(gateway);
  await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}/graphql`;
}

const token = (subject = 'gateway-test', communityIds: string[] = []): Promise<string> =>
  mintToken(keys.privateKey, { subject, roles: ['community_staff'], jurisdiction: { communityIds }, clientId: 'gateway-spec' }, '10m', keys.kid);

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

async function query(url: string, source: string, headers: Record<string, string> = {}): Promise<Answer> {
  return post(url, { query: source }, { authorization: `Bearer ${await token()}`, ...headers });
}

const codes = (answer: Answer): unknown[] => (answer.body.errors ?? []).map((e) => e.extensions?.code);

let url: string;

beforeAll(async () => {
  keys = await ensureDevKeys(path.join(mkdtempSync(path.join(tmpdir(), 'cogov-gateway-')), 'keys'));
  url = await startGateway({ limits: { maxDepth: 3, maxAliases: 3, maxCost: 60, listFactor: 10, maxBodyBytes: 2048 } });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.app.close();
  for (const stub of stubs) await new Promise((resolve) => stub.close(resolve));
});

describe('authentication at the gateway', () => {
  it('answers an operation with a valid token', async () => {
    const answer = await query(url, '{ __typename }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a request without a token: 401 UNAUTHENTICATED, JSON, no stack', async () => {
    const answer = await post(url, { query: '{ __typename }' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([
      { message: 'Unauthenticated: no access token (send Authorization: Bearer <token>).', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });

  it('refuses a malformed, foreign or expired token, naming the failed check', async () => {
    const foreign = await generateKeyPair('ES256');
    const cases: [string, string][] = [
      ['Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <token>"'],
      ['Bearer not-a-jwt', 'token is malformed'],
      [
        `Bearer ${await mintToken(foreign.privateKey, { subject: 'x', roles: ['street_admin'], jurisdiction: {}, clientId: 'x' }, '5m', keys.kid)}`,
        'token signature is invalid',
      ],
      [`Bearer ${await mintToken(keys.privateKey, { subject: 'x', roles: ['street_admin'], jurisdiction: {}, clientId: 'x' }, -60, keys.kid)}`, 'token has expired'],
    ];
    for (const [authorization, reason] of cases) {
      const answer = await post(url, { query: '{ __typename }' }, { authorization });
      expect(answer.status).toBe(401);
      expect(answer.body.errors).toEqual([{ message: `Unauthenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }]);
    }
  });

  it("forwards the caller's Authorization header and correlation id to the subgraphs", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const stub = createServer((request, response) => {
      seen.push(request.headers);
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { community: { __typename: 'Community', name: '幸福里社区' } } }));
      });
    });
    stubs.push(stub);
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
    const forwarding = await startGateway({ subgraphUrl: (name) => (name === 'residents' ? stubUrl : 'http://127.0.0.1:1/graphql') });
    const bearer = `Bearer ${await token('forwarded-user')}`;
    const answer = await post(
      forwarding,
      { query: '{ community(id: "c1") { name } }' },
      { authorization: bearer, 'x-correlation-id': 'corr-123' },
    );
    expect(answer.body).toEqual({ data: { community: { name: '幸福里社区' } } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBe(bearer);
    expect(seen[0]!['x-correlation-id']).toBe('corr-123');

    // Without one from the caller, a fresh correlation id is sent.
    await post(forwarding, { query: '{ community(id: "c1") { name } }' }, { authorization: bearer });
    expect(seen[1]!['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('limits', () => {
  it('refuses a query deeper than MAX_QUERY_DEPTH before asking any subgraph', async () => {
    const answer = await query(url, '{ community(id: "c1") { compounds { community { name } } } }');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ message: 'Query depth 4 exceeds the limit of 3 (MAX_QUERY_DEPTH).', extensions: { code: 'DEPTH_LIMIT_EXCEEDED' } }],
    });
  });

  it('refuses more aliases than MAX_QUERY_ALIASES', async () => {
    const answer = await query(url, '{ a: __typename b: __typename c: __typename d: __typename }');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ message: 'Query uses 4 aliases, more than the limit of 3 (MAX_QUERY_ALIASES).', extensions: { code: 'ALIAS_LIMIT_EXCEEDED' } }],
    });
    expect((await query(url, '{ a: __typename b: __typename c: __typename }')).body).toEqual({
      data: { a: 'Query', b: 'Query', c: 'Query' },
    });
  });

  it('refuses a query whose estimated cost is above MAX_QUERY_COST', async () => {
    // community 1 + compounds (1 + 10 × 3) + grids (1 + 10 × 3) = 63
    const answer = await query(url, '{ community(id: "c1") { compounds { name unitCount redProperty } grids { name workerName id } } }');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'Query cost 63 exceeds the limit of 60 (MAX_QUERY_COST; 1 per field, list selections x10).',
          extensions: { code: 'COST_LIMIT_EXCEEDED' },
        },
      ],
    });
  });

  it('refuses a body larger than MAX_REQUEST_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await post(url, { query: `{ __typename }${' '.repeat(3000)}` }, { authorization: `Bearer ${await token()}` });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      errors: [{ message: 'Request body exceeds the limit of 2048 bytes (MAX_REQUEST_BYTES).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('rate-limits each client: 429 RATE_LIMITED with Retry-After, other callers unaffected', async () => {
    const limited = await startGateway({ limits: { rateLimitRequests: 3, rateLimitWindowMs: 60_000 } });
    const busy = `Bearer ${await token('busy-user')}`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(limited, { query: '{ __typename }' }, { authorization: busy })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post(limited, { query: '{ __typename }' }, { authorization: busy });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(refused.body).toEqual({
      errors: [
        {
          message:
            'Rate limit exceeded: at most 3 operations per 60 s per client (RATE_LIMIT_REQUESTS / RATE_LIMIT_WINDOW_MS); retry after 20 s.',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 20 },
        },
      ],
    });
    const other = await post(limited, { query: '{ __typename }' }, { authorization: `Bearer ${await token('quiet-user')}` });
    expect(other.status).toBe(200);
  });

  it('turns introspection and field suggestions off in production', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const typo = '{ communty(id: "c1") { name } }';
    expect((await query(url, introspection)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await query(url, typo)).body.errors?.[0]?.message).toContain('Did you mean "community"');

    const production = await startGateway({ production: true });
    const refused = await query(production, introspection);
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.body.errors?.[0]?.message).toContain('introspection is not allowed');
    const misspelt = await query(production, typo);
    expect(codes(misspelt)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(misspelt.body.errors?.[0]?.message).toBe('Cannot query field "communty" on type "Query".');
  });

  it('prevents CSRF: a simple request (GET without a preflight header, text/plain POST) is refused', async () => {
    const authorization = `Bearer ${await token()}`;
    const get = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization } });
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('Cross-Site Request Forgery');
    const plain = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('Cross-Site Request Forgery');
    const preflighted = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('never answers with a stack trace or internal detail', async () => {
    // The subgraphs are unreachable: the gateway's fetch fails.
    const failed = await query(url, '{ community(id: "c1") { name } }');
    expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(failed.body.errors?.[0]?.message).toBe('Internal server error.');
    const malformed = await post(url, '{"query": ', { authorization: `Bearer ${await token()}` });
    expect(malformed.status).toBe(400);
    expect(codes(malformed)).toEqual(['BAD_REQUEST']);
    const invalid = await query(url, '{ community(id: 1 { name } }');
    expect(codes(invalid)).toEqual(['GRAPHQL_PARSE_FAILED']);
    for (const answer of [failed, malformed, invalid]) {
      expect(answer.text).not.toMatch(/stacktrace|exception|\bat .+:\d+:\d+|127\.0\.0\.1|ECONNREFUSED/);
    }
  });
});

describe('GraphQL over HTTP', () => {
  it("passes graphql-http's server audits (every MUST; the token sent as a client would)", async () => {
    const bearer = `Bearer ${await token('audit')}`;
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      headers.set('authorization', bearer);
      return fetch(input, { ...init, headers });
    };
    const audited = await startGateway({ limits: { rateLimitRequests: 10_000 } });
    const results = await Promise.all(serverAudits({ url: audited, fetchFn }).map((audit) => audit.fn()));
    const failures = results.flatMap((result) => (result.status === 'error' ? [`${result.name}: ${result.reason}`] : []));
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
