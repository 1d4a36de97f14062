import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { ensureDevKeys, mintToken } from '@cogov/auth';
import { eventsTopic } from '@cogov/messaging';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/infrastructure/config.js';
import type { BenchContext, BenchRow } from '@cogov/testing';

export type Row = BenchRow;

export interface BenchOptions extends BenchContext {
  /** Measuring time of each fileAppeal row (default 10 s; the whole run stays under a minute). */
  durationMs?: number;
}

interface GraphqlAnswer {
  data?: Record<string, { id: string }>;
  errors?: unknown[];
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * fileAppeal (and acceptAppeal) through the whole stack, as a client sees it: HTTP → Fastify → Apollo → auth
 * guard → CommandBus → vault encryption → decide → expected-version append → wait for the appeal board to hold
 * the event (read-your-writes) → answer with the board's fields. The relay publishes to Kafka meanwhile.
 * Closed loop: each of `c` clients sends its next mutation when the previous one is answered.
 */
export async function benchCommands({ databaseUrl, brokers, log, durationMs = 10_000 }: BenchOptions): Promise<Row[]> {
  const suffix = randomBytes(4).toString('hex');
  const database = `cogov_bench_residents_${suffix}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-bench-residents-'));
  const topicPrefix = `bench.${suffix}`;
  let app: NestFastifyApplication | undefined;
  const rows: Row[] = [];
  try {
    const keys = await ensureDevKeys(path.join(dataDir, 'keys'));
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      COGOV_DATA: dataDir,
      ESCALATION_ENABLED: 'false',
    });
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), { logger: ['error'] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const endpoint = `${await app.getUrl()}/graphql`;
    const token = (claims: { roles: ('street_admin' | 'community_staff')[]; streetIds?: string[]; communityIds?: string[] }) =>
      mintToken(keys.privateKey, { subject: 'bench', roles: claims.roles, jurisdiction: { streetIds: claims.streetIds ?? [], communityIds: claims.communityIds ?? [], gridIds: [] }, clientId: 'bench' }, '30m', keys.kid);
    const call = async (bearer: string, query: string, variables: Record<string, unknown>): Promise<{ id: string }> => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as GraphqlAnswer;
      const value = answer.data && Object.values(answer.data)[0];
      if (answer.errors || !value) throw new Error(`GraphQL error: ${JSON.stringify(answer.errors)}`);
      return value;
    };

    const streetAdmin = await token({ roles: ['street_admin'], streetIds: ['street-bench'] });
    const community = await call(streetAdmin, `mutation { registerCommunity(input: { name: "幸福里社区", streetId: "street-bench", streetName: "朝阳街道" }) { id } }`, {});
    const staff = await token({ roles: ['community_staff'], communityIds: [community.id] });
    const grid = (await call(staff, `mutation ($c: ID!) { delineateGrid(input: { communityId: $c, name: "第一网格" }) { id grids { id } } }`, { c: community.id })) as unknown as {
      grids: { id: string }[];
    };
    const gridId = grid.grids[0]!.id;
    const household = await call(
      staff,
      `mutation ($c: ID!, $g: ID!) { registerHousehold(input: { communityId: $c, gridId: $g, address: { compound: "幸福小区", building: "3", unit: "2", room: "301" } }) { id } }`,
      { c: community.id, g: gridId },
    );
    const filed: string[] = [];
    const FILE = `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id status description location } }`;
    const fileOne = async () => {
      const appeal = await call(staff, FILE, {
        i: { communityId: community.id, gridId, householdId: household.id, channel: 'hotline', category: 'utilities.water', description: '楼道水管漏水，地面积水', location: '3-2-301' },
      });
      filed.push(appeal.id);
    };

    const closedLoop = async (concurrency: number, ms: number, op: () => Promise<void>) => {
      const latencies: number[] = [];
      const started = performance.now();
      const until = started + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            const t0 = performance.now();
            await op();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { ops: latencies.length, opsPerSec: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
    };
    const record = (row: Row) => {
      rows.push(row);
      log(`${row.name.padEnd(36)} ${(row.opsPerSec ?? 0).toFixed(0).padStart(6)} ops/s  p50 ${(row.p50Ms ?? 0).toFixed(1)} ms  p99 ${(row.p99Ms ?? 0).toFixed(1)} ms  ${row.note}`);
    };

    // Warm-up: JIT, prepared statements, pools, the vault's key cache and the Kafka producer.
    await closedLoop(4, 1000, fileOne);
    for (const c of [1, 8]) {
      const m = await closedLoop(c, durationMs, fileOne);
      record({
        name: `residents fileAppeal HTTP, c=${c}`,
        opsPerSec: m.opsPerSec,
        eventsPerSec: m.opsPerSec,
        p50Ms: m.p50Ms,
        p99Ms: m.p99Ms,
        note: `${m.ops} mutations; answer waits for the appeal board (read-your-writes); relay on`,
      });
    }
    const ACCEPT = `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id status } }`;
    const toAccept = filed.splice(0);
    const m = await closedLoop(8, Math.min(5000, durationMs), async () => {
      const appealId = toAccept.pop();
      if (!appealId) throw new Error('ran out of filed appeals to accept');
      await call(staff, ACCEPT, { a: appealId });
    });
    record({
      name: 'residents acceptAppeal HTTP, c=8',
      opsPerSec: m.opsPerSec,
      eventsPerSec: m.opsPerSec,
      p50Ms: m.p50Ms,
      p99Ms: m.p99Ms,
      note: `${m.ops} mutations on the appeals filed above; no encryption, no community load`,
    });
    return rows;
  } finally {
    await app?.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    const kafka = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
    await kafka.connect();
    await kafka.deleteTopics({ topics: [eventsTopic('residents', topicPrefix)] }).catch(() => undefined);
    await kafka.disconnect();
  }
}
