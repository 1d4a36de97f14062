export interface HealthCheckResult {
  ok: boolean;
  detail: string;
}
export type HealthCheck = () => Promise<HealthCheckResult>;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  service: string;
  checks: Record<string, HealthCheckResult & { durationMs: number }>;
}

/** A check that has not answered within this time counts as failed: a hung database is not healthy. */
const CHECK_TIMEOUT_MS = 2_000;

/** The health checks a service registers (database, Kafka, relay…), run together on `GET /health`. */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(private readonly service: string) {}

  registerHealthCheck(name: string, check: HealthCheck): void {
    if (this.checks.has(name)) throw new Error(`Health check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  async run(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runOne(check)] as const),
    );
    return {
      status: entries.every(([, result]) => result.ok) ? 'ok' : 'unavailable',
      service: this.service,
      checks: Object.fromEntries(entries),
    };
  }
}

async function runOne(check: HealthCheck): Promise<HealthCheckResult & { durationMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([check(), timeout]);
    return { ok: result.ok, detail: result.detail, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, detail, durationMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
