/**
 * Workflow 1's end-to-end latency, across the real broker and the built services running as processes (the
 * e2e suite): from the moment residents commits `AppealDispatched` to the moment property commits the
 * `WorkOrderOpened` it causes — relay → Kafka → inbox → command → append. Both instants are the stores'
 * own `recorded_at` on the same PostgreSQL server, so no client polling inflates the figure.
 *
 * Load: appeals dispatched at a stated rate (default 10 per second for 20 s), each filed, accepted and
 * dispatched through the residents subgraph.
 */
import { performance } from 'node:perf_hooks';
import { givenPropertyCommunity } from '../src/appeal-fixtures.js';
import { startSuite } from '../src/suite.js';
import type { BenchContext, BenchRow } from '@cogov/testing';

export type Row = BenchRow;

export interface BenchOptions extends BenchContext {
  ratePerSecond?: number;
  durationMs?: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function benchWorkflowLatency({ databaseUrl, brokers, log, ratePerSecond = 10, durationMs = 20_000 }: BenchOptions): Promise<Row[]> {
  // The e2e suite reads the test environment's variables; the bench passes its own.
  process.env.COGOV_TEST_DATABASE_URL ??= databaseUrl;
  process.env.COGOV_TEST_KAFKA_BROKERS ??= brokers.join(',');
  const suite = await startSuite('bench_workflow', ['residents', 'property']);
  try {
    const ground = await givenPropertyCommunity(suite, 'c0a80000-0000-5000-8000-0000000bench');
    const total = Math.round((ratePerSecond * durationMs) / 1000);
    log(`workflow 1: ${total} appeals dispatched at ${ratePerSecond}/s …`);
    const appealIds: string[] = [];
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(ground.dispatchedAppeal(`幸福小区${(n % 30) + 1}号楼`).then((id) => void appealIds.push(id)));
    }
    await Promise.all(inFlight);
    const offered = (total / (performance.now() - started)) * 1000;
    const residents = suite.service('residents').db.pool;
    const property = suite.service('property').db.pool;
    const deadline = Date.now() + 60_000;
    let opened: Map<string, number> = new Map();
    while (Date.now() < deadline) {
      const { rows } = await property.query<{ appeal_id: string; at: string }>(
        `select data->>'appealId' as appeal_id, (extract(epoch from recorded_at) * 1000)::float8 as at from es_events where event_type = 'WorkOrderOpened'`,
      );
      opened = new Map(rows.map((row) => [row.appeal_id, Number(row.at)]));
      if (opened.size >= appealIds.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { rows: dispatched } = await residents.query<{ appeal_id: string; at: string }>(
      `select data->>'appealId' as appeal_id, (extract(epoch from recorded_at) * 1000)::float8 as at from es_events where event_type = 'AppealDispatched'`,
    );
    const latencies = dispatched
      .filter((row) => opened.has(row.appeal_id))
      .map((row) => opened.get(row.appeal_id)! - Number(row.at))
      .sort((a, b) => a - b);
    const row: Row = {
      name: 'workflow 1: dispatch → work order (across Kafka)',
      opsPerSec: offered,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      note: `${latencies.length}/${total} appeals at ${ratePerSecond}/s; commit to commit, services as processes`,
    };
    log(`${row.name}: p50 ${row.p50Ms!.toFixed(1)} ms, p99 ${row.p99Ms!.toFixed(1)} ms (${row.note})`);
    return [row];
  } finally {
    await suite.close();
  }
}
