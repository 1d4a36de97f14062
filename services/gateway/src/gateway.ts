/**
 * The public GraphQL API: Apollo Server 5 on Fastify, an Apollo Gateway over the static supergraph
 * (supergraph.graphql, composed at build time), every operation authenticated here and again in each subgraph.
 */
import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError, JwtVerifier } from '@cogov/auth';
import { JsonLogger } from '@cogov/observability';
import { AuthForwardingDataSource } from './auth-forwarding.data-source.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { operationLimitsPlugin } from './limits.js';
import { RateLimiter } from './rate-limiter.js';

export const GATEWAY_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  rateLimited: 'RATE_LIMITED',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  badRequest: 'BAD_REQUEST',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Unauthenticated: ${reason}.`, {
    extensions: {
      code: GATEWAY_CODES.unauthenticated,
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    },
  });
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header.trim() === '') {
    throw unauthenticated('no access token (send Authorization: Bearer <token>)');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/** A public API answers internal failures without their detail (it is logged instead) and never with a stack. */
function formatError(logger: JsonLogger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (extensions.code === GATEWAY_CODES.internal) {
      logger.error(`operation failed: ${error instanceof Error ? error.message : String(error)}`, 'graphql');
      return {
        message: 'Internal server error.',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: GATEWAY_CODES.internal },
      };
    }
    return { ...formatted, extensions };
  };
}

export interface Gateway {
  app: FastifyInstance;
  apollo: ApolloServer<GatewayContext>;
  rateLimiter: RateLimiter;
}

export async function createGateway(config: GatewayConfig, logger = new JsonLogger({ service: 'gateway' })): Promise<Gateway> {
  const verifier = await JwtVerifier.create(config.jwt);
  const { limits } = config;
  const rateLimiter = new RateLimiter(limits.rateLimitRequests, limits.rateLimitWindowMs);
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => new AuthForwardingDataSource({ url: config.subgraphUrls[name] ?? url }),
  });

  const app = Fastify({ bodyLimit: limits.maxBodyBytes, logger: false });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    // No "Did you mean …?" naming fields a caller did not ask for, in production.
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: formatError(logger),
    plugins: [
      fastifyApolloDrainPlugin(app),
      operationLimitsPlugin(limits),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  // Errors before GraphQL (body too large, malformed JSON, unsupported media type): the same error shape.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    let body: GraphQLFormattedError;
    if (status === 413) {
      body = {
        message: `Request body exceeds the limit of ${limits.maxBodyBytes} bytes (MAX_REQUEST_BYTES).`,
        extensions: { code: GATEWAY_CODES.payloadTooLarge },
      };
    } else if (status < 500) {
      body = { message: error.message, extensions: { code: GATEWAY_CODES.badRequest } };
    } else {
      logger.error(`${request.method} ${request.url} failed: ${error.message}`, 'http');
      body = { message: 'Internal server error.', extensions: { code: GATEWAY_CODES.internal } };
    }
    void reply.status(status).type('application/json; charset=utf-8').send({ errors: [body] });
  });

  app.get('/health', async () => ({ status: 'ok' }));

  const context = async (request: FastifyRequest): Promise<GatewayContext> => {
    const token = bearerToken(request);
    let actor;
    try {
      actor = await verifier.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
    const decision = rateLimiter.take(`${actor.clientId}\u0000${actor.subject}`);
    if (!decision.allowed) {
      throw new GraphQLError(
        `Rate limit exceeded: at most ${limits.rateLimitRequests} operations per ${limits.rateLimitWindowMs / 1000} s per client ` +
          `(RATE_LIMIT_REQUESTS / RATE_LIMIT_WINDOW_MS); retry after ${decision.retryAfterSeconds} s.`,
        {
          extensions: {
            code: GATEWAY_CODES.rateLimited,
            retryAfterSeconds: decision.retryAfterSeconds,
            http: { status: 429, headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]) },
          },
        },
      );
    }
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    return { actor, authorization: `Bearer ${token}`, correlationId };
  };

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, { context }),
  });
  return { app, apollo, rateLimiter };
}
