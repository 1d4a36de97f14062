import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Actor } from '../actor.js';

/** The part of a Fastify (or any Node) request the guard uses; the Actor is attached here once verified. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export const isGraphQL = (context: ExecutionContext): boolean => context.getType<GqlContextType>() === 'graphql';

/** The HTTP request behind a REST handler or a GraphQL resolver (@nestjs/apollo puts it on `context.req`). */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (isGraphQL(context)) {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

const BEARER = /^Bearer (?<token>[A-Za-z0-9._~+/-]+=*)$/;

/** The bearer token of the Authorization header, if it is one. */
export function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers['authorization'];
  return typeof header === 'string' ? BEARER.exec(header)?.groups?.['token'] : undefined;
}

/**
 * The caller of an operation, from the request: set by the AuthGuard for root fields and by
 * `operationAuthenticationPlugin` for federation `_entities` (which the guard never sees). Entity field
 * resolvers use this; a missing actor means an unauthenticated operation slipped through and is refused.
 */
export function requireActor(request: AuthenticatedRequest | undefined): Actor {
  if (request?.actor === undefined) {
    throw new GraphQLError('Authentication required: send "Authorization: Bearer <access token>"', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return request.actor;
}
