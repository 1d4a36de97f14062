/** One row of `npm run bench`'s table (infra/bench.mjs prints them): what was measured and its figures. */
export interface BenchRow {
  name: string;
  opsPerSec?: number;
  eventsPerSec?: number;
  p50Ms?: number;
  p99Ms?: number;
  note: string;
}

/** What infra/bench.mjs hands every service benchmark; each adds its own knobs. */
export interface BenchContext {
  /** A PostgreSQL server URL whose user may create databases; the benchmark gets a fresh one and drops it. */
  databaseUrl: string;
  brokers: string[];
  log: (line: string) => void;
}
