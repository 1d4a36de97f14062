import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@cogov/auth';
import type { ServiceConfig } from '@cogov/service-kit';
import { createTestDatabase, type TestDatabase } from './database.js';
import { testKafka } from './kafka.js';

/**
 * One service per test file: its own database, topic prefix, key folder and master key, booted on Fastify
 * exactly as `bootstrapService` does (without listening), and driven through GraphQL with dev tokens.
 */
export interface ServiceTestApp<C extends ServiceConfig = ServiceConfig> {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: C;
  token(claims: { roles: Role[]; communityIds?: string[]; streetIds?: string[]; gridIds?: string[]; organisationIds?: string[]; subject?: string }): Promise<string>;
  graphql<T = Record<string, unknown>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Brings every read model up to the log (projections otherwise follow within their poll interval). */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export interface GraphqlResponse<T> {
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; stacktrace?: unknown } }[];
}

export interface StartServiceAppOptions<C extends ServiceConfig> {
  /** Names the database, topic prefix and token client of this test file. */
  hint: string;
  /** The service's own `loadConfig(env)`: it sees only the test's environment, never process.env. */
  loadConfig: (env: NodeJS.ProcessEnv) => C;
  /** The service's application module (`AppModule.forRoot`). */
  module: (config: C) => DynamicModule;
  /** More environment for `loadConfig` (e.g. `{ OUTBOX_RELAY_ENABLED: 'false' }`). */
  env?: NodeJS.ProcessEnv;
}

export async function startServiceApp<C extends ServiceConfig>({ hint, loadConfig, module, env = {} }: StartServiceAppOptions<C>): Promise<ServiceTestApp<C>> {
  // Loaded here, not at the top: unit tests import @cogov/testing for decider specifications and stay free of Nest.
  const [{ NestFactory }, { FastifyAdapter }, { ensureDevKeys, mintToken }, { BackgroundWork }] = await Promise.all([
    import('@nestjs/core'),
    import('@nestjs/platform-fastify'),
    import('@cogov/auth'),
    import('@cogov/service-kit'),
  ]);
  const db = await createTestDatabase(hint);
  const kafka = testKafka(hint);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-service-'));
  const keys = await ensureDevKeys(path.join(dataDir, 'keys'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.prefix,
    COGOV_DATA: dataDir,
    ...env,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module(config), new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    config,
    token: ({ roles, communityIds = [], streetIds = [], gridIds = [], organisationIds, subject = 'user-1' }) =>
      mintToken(
        keys.privateKey,
        { subject, roles, jurisdiction: { communityIds, streetIds, gridIds, ...(organisationIds ? { organisationIds } : {}) }, clientId: `${hint}-tests` },
        '10m',
        keys.kid,
      ),
    async graphql(token, query, variables) {
      const response = await app.getHttpAdapter().getInstance().inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: { query, variables },
      });
      return JSON.parse(response.body);
    },
    catchUp: () => app.get(BackgroundWork).catchUp(),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
