import { integerFromEnv, loadServiceConfig, type ServiceConfig } from '@cogov/service-kit';

/** How the dispatcher delivers (docs/webhooks.md#delivery). */
export interface DeliverySettings {
  /** Tries of one delivery before it is dead-lettered (`WEBHOOK_MAX_ATTEMPTS`, default 10). */
  maxAttempts: number;
  /** The wait after the first failure, doubled after each (`WEBHOOK_BACKOFF_BASE_MS`, default 10 s). */
  backoffBaseMs: number;
  /** The longest wait between two tries (`WEBHOOK_BACKOFF_MAX_MS`, default 1 h). */
  backoffMaxMs: number;
  /** A receiver that has not answered by then has failed (`WEBHOOK_TIMEOUT_MS`, default 10 s). */
  timeoutMs: number;
  /** Requests in flight at once, over all subscriptions (`WEBHOOK_CONCURRENCY`, default 16). */
  concurrency: number;
  /**
   * Whether plain-http URLs and receivers on loopback or private addresses are allowed
   * (`WEBHOOK_ALLOW_INSECURE_TARGETS=true`; `npm start` and the tests set it). Off by default: a subscription must
   * not make the service call into its own network (SSRF) or send events in clear.
   */
  allowInsecureTargets: boolean;
}

export type WebhooksConfig = ServiceConfig & { delivery: DeliverySettings };

export const DATABASE = 'cogov_webhooks';
export const CONTEXT = 'webhooks';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WebhooksConfig {
  const insecure = env.WEBHOOK_ALLOW_INSECURE_TARGETS ?? 'false';
  if (insecure !== 'true' && insecure !== 'false') throw new Error(`WEBHOOK_ALLOW_INSECURE_TARGETS must be true or false, got '${insecure}'`);
  return {
    ...loadServiceConfig(env, { database: DATABASE, port: 4007 }),
    delivery: {
      maxAttempts: integerFromEnv(env, 'WEBHOOK_MAX_ATTEMPTS', 10, 1),
      backoffBaseMs: integerFromEnv(env, 'WEBHOOK_BACKOFF_BASE_MS', 10_000, 1),
      backoffMaxMs: integerFromEnv(env, 'WEBHOOK_BACKOFF_MAX_MS', 3_600_000, 1),
      timeoutMs: integerFromEnv(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100),
      concurrency: integerFromEnv(env, 'WEBHOOK_CONCURRENCY', 16, 1),
      allowInsecureTargets: insecure === 'true',
    },
  };
}
