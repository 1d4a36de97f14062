import type { Actor } from '@cogov/auth';

/** What every operation through the gateway carries: the verified caller and what the subgraphs must receive. */
export type GatewayContext = {
  actor: Actor;
  /** The caller's `Authorization` header, forwarded as is. */
  authorization: string;
  /** The caller's `x-correlation-id`, or a fresh one. */
  correlationId: string;
};
