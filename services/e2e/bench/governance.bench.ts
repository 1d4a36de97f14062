/**
 * The governance view through the gateway, on the built services as processes (residents, property, governance)
 * and the built gateway:
 * 1. a community's scorecard query, closed loop at a fixed concurrency, on the governance subgraph directly and
 *    through the gateway: throughput, p50/p99, and the gateway's overhead as a ratio;
 * 2. the latency from a mutation through the gateway (`fileAppeal`) to the scorecard, read through the gateway,
 *    that counts it — residents' commit → relay → Kafka → governance intake → query — at a stated rate.
 */
import { performance } from 'node:perf_hooks';
import { givenPropertyCommunity } from '../src/appeal-fixtures.js';
import { startGatewayProcess } from '../src/gateway-process.js';
import { startSuite, type ServiceName } from '../src/suite.js';
import type { BenchOptions, Row } from './workflow-latency.bench.js';

const SERVICES: ServiceName[] = ['residents', 'property', 'governance'];
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Load {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** `concurrency` clients sending `request` back to back for `durationMs`; every answer must be a 200 without errors. */
async function closedLoop(request: () => Promise<Response>, concurrency: number, durationMs: number): Promise<Load> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const response = await request();
        const body = (await response.json()) as { errors?: unknown };
        if (response.status !== 200 || body.errors) throw new Error(`scorecard query failed: ${response.status} ${JSON.stringify(body.errors)}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return { opsPerSec: (sorted.length / (performance.now() - started)) * 1000, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

export async function benchGovernance({
  databaseUrl,
  brokers,
  log,
  ratePerSecond = 5,
  durationMs = 10_000,
  concurrency = 8,
}: BenchOptions & { concurrency?: number }): Promise<Row[]> {
  process.env.COGOV_TEST_DATABASE_URL ??= databaseUrl;
  process.env.COGOV_TEST_KAFKA_BROKERS ??= brokers.join(',');
  const suite = await startSuite('bench_governance', SERVICES);
  const gateway = await startGatewayProcess(suite, SERVICES, { JWT_JWKS_PATH: suite.jwksPath, RATE_LIMIT_REQUESTS: '100000000' });
  try {
    const ground = await givenPropertyCommunity(suite, 'c0a80000-0000-5000-8000-0000000bench');
    const analyst = await suite.token({ roles: ['agency_analyst'], streetIds: ['street-e2e'] });
    const file = (location: string) =>
      gateway.graphql<{ fileAppeal: { id: string } }>(ground.staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, {
        i: { communityId: ground.communityId, channel: 'app', category: 'property.repair', description: '楼道灯坏了', location },
      });
    log('governance: 200 appeals for the scorecard to count …');
    for (let n = 0; n < 200; n += 1) await file(`${(n % 30) + 1}号楼`);

    const query = JSON.stringify({
      query: `query ($c: ID!) { communityScorecard(communityId: $c) { communityName scorecard { residents appeals { filed resolved responseRate overdue }
        volunteers { registered verifiedHours } party { membersRegistered } pairings { active fundsPledgedFen } property { compounds ratedFail } } } }`,
      variables: { c: ground.communityId },
    });
    const post = (url: string) => () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: query });
    const subgraphUrl = `http://127.0.0.1:${suite.service('governance').port}/graphql`;
    // Warm both paths (JIT, connection pools, the gateway's query plan cache).
    await closedLoop(post(subgraphUrl), concurrency, 1_000);
    await closedLoop(post(gateway.url), concurrency, 1_000);
    log(`governance: scorecard query, ${concurrency} clients, ${durationMs / 1000} s each path …`);
    const direct = await closedLoop(post(subgraphUrl), concurrency, durationMs);
    const via = await closedLoop(post(gateway.url), concurrency, durationMs);

    const scorecardFiled = async (): Promise<number> => {
      const answer = await gateway.graphql<{ communityScorecard: { scorecard: { appeals: { filed: number } } } }>(
        analyst,
        `query ($c: ID!) { communityScorecard(communityId: $c) { scorecard { appeals { filed } } } }`,
        { c: ground.communityId },
      );
      return answer.data?.communityScorecard.scorecard.appeals.filed ?? -1;
    };
    const total = Math.round((ratePerSecond * durationMs) / 1000);
    log(`governance: ${total} appeals filed through the gateway at ${ratePerSecond}/s, each timed until the scorecard counts it …`);
    // Wait until the 200 seed appeals are counted, so each timed appeal moves the count by exactly one.
    const deadline = Date.now() + 60_000;
    let counted = await scorecardFiled();
    while (counted < 200 && Date.now() < deadline) counted = await scorecardFiled();
    const latencies: number[] = [];
    const started = performance.now();
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      const filed = await file(`timed ${n}`);
      if (filed.errors) throw new Error(`fileAppeal failed: ${JSON.stringify(filed.errors)}`);
      const until = Date.now() + 30_000;
      while ((await scorecardFiled()) < 201 + n) {
        if (Date.now() > until) throw new Error(`appeal ${n} not in the scorecard after 30 s`);
      }
      latencies.push(performance.now() - t0);
    }
    const offered = (total / (performance.now() - started)) * 1000;
    const sorted = latencies.sort((a, b) => a - b);
    return [
      { name: 'scorecard query, governance subgraph', opsPerSec: direct.opsPerSec, p50Ms: direct.p50Ms, p99Ms: direct.p99Ms, note: `${concurrency} clients, closed loop, ${durationMs / 1000} s` },
      {
        name: 'scorecard query, through the gateway',
        opsPerSec: via.opsPerSec,
        p50Ms: via.p50Ms,
        p99Ms: via.p99Ms,
        note: `gateway/subgraph: throughput ×${(via.opsPerSec / direct.opsPerSec).toFixed(2)}, p50 ×${(via.p50Ms / direct.p50Ms).toFixed(2)}, p99 ×${(via.p99Ms / direct.p99Ms).toFixed(2)}`,
      },
      {
        name: 'mutation → scorecard, through the gateway',
        opsPerSec: offered,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        note: `fileAppeal sent → the scorecard (polled through the gateway) counts it; ${total} appeals at ${ratePerSecond}/s, one at a time`,
      },
    ];
  } finally {
    await gateway.stop();
    await suite.close();
  }
}
