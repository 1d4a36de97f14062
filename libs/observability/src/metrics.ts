import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type RequestProtocol = 'http' | 'graphql';
/** `rejected`: the caller's fault (HTTP 4xx); `error`: ours (HTTP 5xx, a failed resolver). */
export type RequestOutcome = 'ok' | 'rejected' | 'error';

/** Sets the gauge's values (e.g. `gauge.set({ relay: 'residents' }, 12)`); may query the database. */
export type LagMeasure<L extends string> = (gauge: Gauge<L>) => void | Promise<void>;

interface MetricOptions<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
}

/**
 * One service's Prometheus registry (never prom-client's global one: tests and several Nest apps in one
 * process would otherwise collide). Every series carries a `service` label.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'protocol' | 'operation' | 'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = this.histogram({
      name: 'cogov_request_duration_seconds',
      help: 'Duration of HTTP requests and GraphQL root fields.',
      labelNames: ['protocol', 'operation', 'outcome'],
      // From a cached read (ms) to a slow cross-context query; SLOs are set at 0.3 s and 1 s.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 1, 2.5, 5, 10],
    });
  }

  /**
   * Starts timing one request; call the returned function with its outcome. `operation` must be a route
   * pattern or a GraphQL field name, never a raw URL: every distinct value is a new time series.
   */
  startRequestTimer(protocol: RequestProtocol, operation: string): (outcome: RequestOutcome) => void {
    const end = this.requestDuration.startTimer({ protocol, operation });
    return (outcome) => {
      end({ outcome });
    };
  }

  /** Records a request timed elsewhere (e.g. by Fastify's `reply.elapsedTime`). */
  observeRequest(protocol: RequestProtocol, operation: string, outcome: RequestOutcome, seconds: number): void {
    this.requestDuration.observe({ protocol, operation, outcome }, seconds);
  }

  /** Get-or-create, so two modules asking for the same metric share it instead of crashing on registration. */
  counter<L extends string>(options: MetricOptions<L>): Counter<L> {
    return (this.registry.getSingleMetric(options.name) as Counter<L> | undefined) ??
      new Counter<L>({ ...options, labelNames: options.labelNames ?? [], registers: [this.registry] });
  }

  /** Get-or-create. `collect` runs at scrape time: the way to report a lag that is cheaper to read than to track. */
  gauge<L extends string>(options: MetricOptions<L> & { collect?: (this: Gauge<L>) => void | Promise<void> }): Gauge<L> {
    return (this.registry.getSingleMetric(options.name) as Gauge<L> | undefined) ??
      new Gauge<L>({ ...options, labelNames: options.labelNames ?? [], registers: [this.registry] });
  }

  histogram<L extends string>(options: MetricOptions<L> & { buckets?: number[] }): Histogram<L> {
    return (this.registry.getSingleMetric(options.name) as Histogram<L> | undefined) ??
      new Histogram<L>({ ...options, labelNames: options.labelNames ?? [], registers: [this.registry] });
  }

  /**
   * Events committed to the store but not yet published to Kafka, per relay. Either set it as the relay
   * runs, or pass `measure` to compute it at scrape time.
   */
  relayLag(measure?: LagMeasure<'relay'>): Gauge<'relay'> {
    return this.lagGauge('cogov_relay_lag_events', 'Events in the store not yet published to Kafka.', 'relay', measure);
  }

  /** How far a projection's checkpoint is behind the head of the log it follows, in events. */
  projectionLag(measure?: LagMeasure<'projection'>): Gauge<'projection'> {
    return this.lagGauge(
      'cogov_projection_lag_events',
      'Events between the head of the log and the checkpoint of a projection.',
      'projection',
      measure,
    );
  }

  /** Messages on Kafka not yet consumed by a workflow's consumer group (committed offset to log end), summed over its partitions. */
  consumerLag(measure?: LagMeasure<'consumer'>): Gauge<'consumer'> {
    return this.lagGauge('cogov_consumer_lag_messages', "Messages between a consumer group's committed offsets and the log end.", 'consumer', measure);
  }

  private lagGauge<L extends string>(name: string, help: string, label: L, measure?: LagMeasure<L>): Gauge<L> {
    return this.gauge<L>({
      name,
      help,
      labelNames: [label],
      ...(measure === undefined
        ? {}
        : {
            collect(this: Gauge<L>) {
              return measure(this);
            },
          }),
    });
  }

  /** The exposition text for `GET /metrics`. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
