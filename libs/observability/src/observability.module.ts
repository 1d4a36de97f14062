import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { HealthRegistry } from './health.js';
import { Metrics } from './metrics.js';
import { ObservabilityController } from './observability.controller.js';
import { timeHttpRequests } from './request-metrics.hook.js';
import { GraphQLMetricsInterceptor } from './request-metrics.interceptor.js';

export interface ObservabilityOptions {
  /** The service name: the `service` label of every metric and the `service` of /health. */
  service: string;
}

/**
 * `GET /metrics` and `GET /health`, the per-service `Metrics` registry and `HealthRegistry` for other
 * modules to inject, and request timing for every route and GraphQL root field. Fastify only (design §5).
 */
@Module({})
export class ObservabilityModule implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // Hooks must be added before Fastify starts; Nest calls onModuleInit during app.init(), before listen.
    timeHttpRequests(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.metrics);
  }

  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [ObservabilityController],
      providers: [
        { provide: Metrics, useValue: new Metrics(options.service) },
        { provide: HealthRegistry, useValue: new HealthRegistry(options.service) },
        { provide: APP_INTERCEPTOR, useClass: GraphQLMetricsInterceptor },
      ],
      exports: [Metrics, HealthRegistry],
    };
  }
}
