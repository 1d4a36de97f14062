import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
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
