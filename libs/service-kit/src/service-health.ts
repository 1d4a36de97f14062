import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { HealthRegistry, Metrics } from '@cogov/observability';
import { BackgroundWork } from './background-work.js';
import type { ServiceConfig } from './config.js';
import { SERVICE_CONFIG } from './service-options.js';

/** Projections this far behind the log make /health fail: queries would show stale data. */
const MAX_HEALTHY_PROJECTION_LAG = 10_000;

/** Registers a service's health checks and lag gauges with @cogov/observability. */
@Injectable()
export class ServiceHealth implements OnModuleInit {
  constructor(
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(BackgroundWork) private readonly work: BackgroundWork,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.health.registerHealthCheck('database', async () => {
      await this.pool.query('select 1');
      return { ok: true, detail: 'event store reachable' };
    });
    this.health.registerHealthCheck('projections', async () => {
      const lag = await this.work.projectionLag();
      const worst = Math.max(0, ...Object.values(lag));
      return { ok: worst < MAX_HEALTHY_PROJECTION_LAG, detail: `events behind: ${JSON.stringify(lag)}` };
    });
    if (this.config.relayEnabled) {
      this.health.registerHealthCheck('kafka-relay', async () => {
        const relay = this.work.relay;
        if (!relay) return { ok: false, detail: 'relay not started' };
        const lag = await relay.lag();
        return { ok: true, detail: `${relay.isLeader ? 'leader' : 'standby'}, ${lag} events not yet published` };
      });
      this.metrics.relayLag(async (gauge) => {
        if (this.work.relay) gauge.set({ relay: this.work.relayName }, await this.work.relay.lag());
      });
    }
    const workflows = this.work.workflows;
    if (this.config.relayEnabled && workflows && workflows.workflows.length > 0) {
      // The workflows' consumers (the governance view's intake is one): behind is normal under load, and the broker
      // being away is the relay's and the consumers' own business (they retry), so this reports and never fails /health.
      const consumerLag = async (): Promise<Record<string, number>> => {
        const lags: Record<string, number> = {};
        for (const workflow of workflows.workflows) {
          const consumer = workflows.consumerOf(workflow.name);
          if (consumer) lags[workflow.name] = (await consumer.lag()).reduce((total, partition) => total + partition.lag, 0);
        }
        return lags;
      };
      this.health.registerHealthCheck('workflows', async () => {
        try {
          const lags = await consumerLag();
          const started = Object.keys(lags).length === workflows.workflows.length;
          return { ok: true, detail: started ? `messages behind: ${JSON.stringify(lags)}` : 'consumers starting' };
        } catch (error) {
          return { ok: true, detail: `lag unknown: ${error instanceof Error ? error.message : String(error)}` };
        }
      });
      this.metrics.consumerLag(async (gauge) => {
        for (const [consumer, lag] of Object.entries(await consumerLag())) gauge.set({ consumer }, lag);
      });
    }
    this.metrics.projectionLag(async (gauge) => {
      for (const [projection, lag] of Object.entries(await this.work.projectionLag())) gauge.set({ projection }, lag);
    });
  }
}
