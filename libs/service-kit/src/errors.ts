import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { StreamVersionConflict } from '@cogov/eventsourcing';
import { DomainError } from '@cogov/domain';

/** The actor may not act in this community (jurisdiction), or lacks the role for the operation. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Another command changed the aggregate and retries did not get through: the client should reload. */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
  constructor(readonly streamId: string) {
    super(`${streamId.replace(/-.*/, '')} was changed concurrently; reload and try again`);
  }
}

export interface ErrorLogger {
  error(message: string, context?: object): void;
}

/**
 * Every error a client sees goes through here: domain and shell errors become typed GraphQL errors,
 * anything unexpected becomes a bare INTERNAL_SERVER_ERROR (logged, never echoed), and no response ever
 * carries a stack trace, whatever NODE_ENV says.
 */
export function formatGraphqlError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const typed = (code: string, message: string, extra: Record<string, unknown> = {}): GraphQLFormattedError => ({
      ...base,
      message,
      extensions: { code, ...extra },
    });

    if (original instanceof DomainError) {
      switch (original.code) {
        case 'VALIDATION':
          return typed('BAD_USER_INPUT', original.message, { field: (original as DomainError & { field: string }).field });
        case 'NOT_FOUND':
          return typed('NOT_FOUND', original.message);
        case 'ALREADY_EXISTS':
          return typed('CONFLICT', original.message, { reason: 'ALREADY_EXISTS' });
        case 'INVALID_STATE':
          return typed('CONFLICT', original.message, { reason: 'INVALID_STATE' });
      }
    }
    if (original instanceof ConcurrentChangeError || original instanceof StreamVersionConflict) {
      return typed('CONFLICT', 'the record was changed concurrently; reload and try again', { reason: 'CONCURRENT_CHANGE' });
    }
    if (original instanceof ForbiddenError) return typed('FORBIDDEN', original.message);
    if (original instanceof HttpException) {
      const status = original.getStatus();
      if (status === 401) return typed('UNAUTHENTICATED', 'authentication required');
      if (status === 403) return typed('FORBIDDEN', original.message);
    }
    const code = formatted.extensions?.code;
    // Errors GraphQL itself raised about the request (parse, validation, variable coercion) are safe to show.
    if (
      typeof code === 'string' &&
      ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST'].includes(code)
    ) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    logger.error('unexpected error in a GraphQL operation', {
      error: original instanceof Error ? original.name : typeof original,
      detail: original instanceof Error ? original.message : undefined,
      path: formatted.path,
    });
    return typed('INTERNAL_SERVER_ERROR', 'internal error');
  };
}
