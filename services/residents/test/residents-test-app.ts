import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureDevKeys, mintToken, type Role } from '@cogov/auth';
import { createTestDatabase, testKafka, type TestDatabase } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { BackgroundWork } from '../src/infrastructure/residents-infrastructure.module.js';
import { loadConfig, type ResidentsConfig } from '../src/infrastructure/config.js';

/**
 * One residents service per test file: its own database, topic prefix, key folder and master key, booted
 * on Fastify exactly as main.ts does, and driven through GraphQL with dev tokens.
 */
export interface ResidentsTestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: ResidentsConfig;
  token(claims: { roles: Role[]; communityIds?: string[]; streetIds?: string[]; gridIds?: string[]; subject?: string }): Promise<string>;
  graphql<T = Record<string, unknown>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Brings every read model up to the log (projections otherwise follow within their poll interval). */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export interface GraphqlResponse<T> {
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; stacktrace?: unknown } }[];
}

export async function startResidentsApp(hint: string, overrides: NodeJS.ProcessEnv = {}): Promise<ResidentsTestApp> {
  const db = await createTestDatabase(hint);
  const kafka = testKafka(hint);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-residents-'));
  const keys = await ensureDevKeys(path.join(dataDir, 'keys'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.prefix,
    COGOV_DATA: dataDir,
    ESCALATION_ENABLED: 'false',
    ...overrides,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    config,
    token: ({ roles, communityIds = [], streetIds = [], gridIds = [], subject = 'user-1' }) =>
      mintToken(keys.privateKey, { subject, roles, jurisdiction: { communityIds, streetIds, gridIds }, clientId: 'residents-tests' }, '10m', keys.kid),
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
