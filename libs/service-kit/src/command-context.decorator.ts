import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedRequest } from '@cogov/auth';
import type { CommandContext } from './command-executor.js';
import { correlationIdFrom, requestCommandContext } from './request-context.js';

/**
 * The command context of a GraphQL mutation: the actor the global AuthGuard verified, and the
 * caller's correlation id. Resolvers run after the guard, so a missing actor is a wiring bug.
 */
export const MutationContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const req = GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  if (!req.actor) throw new Error('no authenticated actor on a guarded resolver');
  return requestCommandContext(req.actor, correlationIdFrom(req.headers));
});
