export { JsonLogger, type JsonLoggerOptions } from './json-logger.js';
export { REDACTED, redact, redactString } from './redact.js';
export { Metrics, type LagMeasure, type RequestOutcome, type RequestProtocol } from './metrics.js';
export { HealthRegistry, type HealthCheck, type HealthCheckResult, type HealthReport } from './health.js';
export { GraphQLMetricsInterceptor } from './request-metrics.interceptor.js';
export { timeHttpRequests } from './request-metrics.hook.js';
export { ObservabilityController } from './observability.controller.js';
export { ObservabilityModule, type ObservabilityOptions } from './observability.module.js';
