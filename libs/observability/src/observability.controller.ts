import { Controller, Get, Header, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@cogov/auth';
import { Registry } from 'prom-client';
import { HealthRegistry, type HealthReport } from './health.js';
import { Metrics } from './metrics.js';

/** Prometheus and load balancers call these without a token; they reveal no personal data. */
@Public()
@Controller()
export class ObservabilityController {
  constructor(
    private readonly metrics: Metrics,
    private readonly health: HealthRegistry,
  ) {}

  @Get('metrics')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }

  @Get('health')
  @HttpCode(200)
  async check(): Promise<HealthReport> {
    const report = await this.health.run();
    // Thrown with the report as the body, so the 503 carries the same JSON as the 200.
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
