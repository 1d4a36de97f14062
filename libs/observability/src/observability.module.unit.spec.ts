import 'reflect-metadata';
import { AuthModule, Public } from '@cogov/auth';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { exportSPKI, generateKeyPair } from 'jose';
import { HealthRegistry } from './health.js';
import { Metrics } from './metrics.js';
import { ObservabilityModule } from './observability.module.js';

@Controller()
class AppealsController {
  @Get('appeals/:id')
  find(): { ok: true } {
    return { ok: true };
  }
}

@Resolver()
class StatusResolver {
  @Public()
  @Query(() => String)
  status(): string {
    return 'up';
  }
}

let app: NestFastifyApplication;
let kafkaUp = true;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('ES256');
  // With the global auth guard in place: /metrics and /health must still answer without a token.
  @Module({
    imports: [
      AuthModule.forRoot({ issuer: 'https://auth.test', audience: 'cogov', publicKey: await exportSPKI(publicKey) }),
      ObservabilityModule.forRoot({ service: 'residents' }),
      GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, graphiql: false }),
    ],
    controllers: [AppealsController],
    providers: [StatusResolver],
  })
  class TestModule {}
  app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
  const health = app.get(HealthRegistry);
  health.registerHealthCheck('postgres', async () => ({ ok: true, detail: 'select 1' }));
  health.registerHealthCheck('kafka', async () => ({ ok: kafkaUp, detail: kafkaUp ? '1 broker' : 'no broker' }));
  const metrics = app.get(Metrics);
  metrics.relayLag((gauge) => gauge.set({ relay: 'residents-public' }, 7));
  metrics.projectionLag().set({ projection: 'appeal-board' }, 3);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await (app as INestApplication | undefined)?.close();
});

describe('GET /health', () => {
  it('answers 200 with every check when all are ok', async () => {
    kafkaUp = true;
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      service: 'residents',
      checks: {
        postgres: { ok: true, detail: 'select 1', durationMs: expect.any(Number) },
        kafka: { ok: true, detail: '1 broker', durationMs: expect.any(Number) },
      },
    });
  });

  it('answers 503 with the same report when a check fails', async () => {
    kafkaUp = false;
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unavailable', checks: { kafka: { ok: false, detail: 'no broker' } } });
  });

  it('counts a throwing check as failed, with its message', async () => {
    const registry = new HealthRegistry('test');
    registry.registerHealthCheck('broken', () => Promise.reject(new Error('connection refused')));
    await expect(registry.run()).resolves.toMatchObject({
      status: 'unavailable',
      checks: { broken: { ok: false, detail: 'connection refused' } },
    });
    expect(() => registry.registerHealthCheck('broken', async () => ({ ok: true, detail: '' }))).toThrow(
      'already registered',
    );
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with default, lag and request metrics labelled by service', async () => {
    await app.inject({ method: 'GET', url: '/appeals/42' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain('process_cpu_seconds_total{service="residents"}');
    expect(text).toContain('cogov_relay_lag_events{relay="residents-public",service="residents"} 7');
    expect(text).toContain('cogov_projection_lag_events{projection="appeal-board",service="residents"} 3');
    // Refused by the auth guard and still timed; by route pattern, not URL: one series for all appeals.
    expect(text).toContain(
      'cogov_request_duration_seconds_count{service="residents",protocol="http",operation="GET /appeals/:id",outcome="rejected"} 1',
    );
  });

  it('times GraphQL root fields by name', async () => {
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ status }' } });
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain(
      'cogov_request_duration_seconds_count{service="residents",protocol="graphql",operation="Query.status",outcome="ok"} 1',
    );
    expect(text).toContain(
      'cogov_request_duration_seconds_count{service="residents",protocol="http",operation="POST /graphql",outcome="ok"} 1',
    );
  });

  it('still requires a token everywhere else', async () => {
    expect((await app.inject({ method: 'GET', url: '/appeals/42' })).statusCode).toBe(401);
  });
});
