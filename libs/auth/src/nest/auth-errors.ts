import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';
export const FORBIDDEN = 'FORBIDDEN';

/**
 * In GraphQL the error is thrown as a GraphQLError so its `extensions.code` is exactly what clients switch
 * on; over plain HTTP it is the matching Nest exception (401/403 JSON).
 */
export function unauthenticated(graphql: boolean, message: string): Error {
  return graphql
    ? new GraphQLError(message, { extensions: { code: UNAUTHENTICATED, http: { status: 401 } } })
    : new UnauthorizedException(message);
}

export function forbidden(graphql: boolean, message: string): Error {
  return graphql
    ? new GraphQLError(message, { extensions: { code: FORBIDDEN, http: { status: 403 } } })
    : new ForbiddenException(message);
}

/**
 * Apollo adds `extensions.stacktrace` to every error outside production. An authentication failure is the
 * caller's problem, not ours: its stack tells them nothing useful and tells an attacker about our code, so
 * it goes. Pass as (or call from) the subgraph's `formatError`.
 */
export function formatAuthError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== UNAUTHENTICATED && code !== FORBIDDEN) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
