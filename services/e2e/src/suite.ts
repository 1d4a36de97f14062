/**
 * The cross-service test bed: several services of the suite, each the built `dist/services/<name>/src/main.js`
 * in a process of its own (the global setup builds dist/ first), each on its own database, all on ONE topic
 * prefix of the real broker and one key folder (so one token works everywhere) — the suite as `npm start`
 * runs it. A service can be killed (SIGKILL: a crash, mid-way through whatever it was doing) and started again
 * on the same database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevKeys, mintToken, type Role } from '@cogov/auth';
import { createTestDatabase, freePort, startBuiltService, testKafka, testKafkaBrokers, type BuiltServiceProcess, type GraphqlResponse, type TestDatabase } from '@cogov/testing';

export type ServiceName = 'residents' | 'organisations' | 'volunteers' | 'property' | 'party-building' | 'governance' | 'webhooks';


export interface RunningService {
  name: ServiceName;
  db: TestDatabase;
  port: number;
  graphql<T = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Kills the process without warning (SIGKILL): no shutdown hook runs, offsets and inbox rows stay as they were. */
  kill(): Promise<void>;
  /** Starts the service again on the same database, port and prefix; resolves once /health answers 200. */
  start(): Promise<void>;
  /** What the process wrote (JSON log lines), for failure messages. */
  output(): string;
}

export interface Suite {
  prefix: string;
  /** The JWKS the services verify tokens with (give it to a gateway as JWT_JWKS_PATH). */
  jwksPath: string;
  token(claims: { roles: Role[]; communityIds?: string[]; streetIds?: string[]; organisationIds?: string[]; subject?: string }): Promise<string>;
  service(name: ServiceName): RunningService;
  close(): Promise<void>;
}

export async function startSuite(hint: string, names: readonly ServiceName[], env: NodeJS.ProcessEnv = {}): Promise<Suite> {
  const prefix = testKafka(hint).prefix;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-e2e-'));
  const keys = await ensureDevKeys(path.join(dataDir, 'keys'));
  const services = new Map<ServiceName, RunningService>();

  const launch = async (name: ServiceName): Promise<RunningService> => {
    const db = await createTestDatabase(`${hint}_${name}`);
    const port = await freePort();
    // One process per start; the output of those before a restart is kept.
    const runs: BuiltServiceProcess[] = [];
    const service: RunningService = {
      name,
      db,
      port,
      async graphql(token, query, variables) {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphqlResponse<never>;
      },
      async kill() {
        await runs.at(-1)?.kill();
      },
      async start() {
        runs.push(
          await startBuiltService(name, port, {
            DATABASE_URL: db.url,
            KAFKA_BROKERS: testKafkaBrokers().join(','),
            KAFKA_TOPIC_PREFIX: prefix,
            COGOV_DATA: dataDir,
            ESCALATION_ENABLED: 'false',
            READ_YOUR_WRITES_TIMEOUT_MS: '10000',
            // A killed instance's partitions go to its successor after 6 s rather than 30 s.
            KAFKA_SESSION_TIMEOUT_MS: '6000',
            ...env,
          }),
        );
      },
      output: () => runs.map((run) => run.output()).join(''),
    };
    await service.start();
    return service;
  };

  try {
    // One after another: each creates its topics and joins its consumer groups before the next starts.
    for (const name of names) services.set(name, await launch(name));
  } catch (error) {
    for (const service of services.values()) await service.kill();
    for (const service of services.values()) await service.db.drop().catch(() => undefined);
    throw error;
  }

  return {
    prefix,
    jwksPath: keys.jwksPath,
    token: ({ roles, communityIds = [], streetIds = [], organisationIds, subject = 'e2e-user' }) =>
      mintToken(
        keys.privateKey,
        { subject, roles, jurisdiction: { communityIds, streetIds, gridIds: [], ...(organisationIds ? { organisationIds } : {}) }, clientId: `${hint}-e2e` },
        '30m',
        keys.kid,
      ),
    service(name) {
      const found = services.get(name);
      if (!found) throw new Error(`${name} is not part of this suite`);
      return found;
    },
    async close() {
      for (const service of services.values()) await service.kill();
      for (const service of services.values()) await service.db.drop();
    },
  };
}
