import type { FastifyInstance } from 'fastify';
import type { Metrics, RequestOutcome } from './metrics.js';

const outcomeOf = (status: number): RequestOutcome => (status >= 500 ? 'error' : status >= 400 ? 'rejected' : 'ok');

/**
 * Times every HTTP request Fastify answers, including those refused by guards and 404s. The operation is
 * the route pattern (`GET /appeals/:id`), never the URL: one series per route, not one per appeal.
 */
export function timeHttpRequests(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest('http', `${request.method} ${route}`, outcomeOf(reply.statusCode), reply.elapsedTime / 1000);
  });
}
