import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { StreamVersionConflict } from '@cogov/eventsourcing';
import { DomainError } from '@cogov/domain';
import { ConcurrentChangeError, ForbiddenError } from './errors.js';

/** The answer to an expected error on a plain HTTP route: status and the same code GraphQL would give. */
export function httpErrorOf(exception: Error): { status: number; body: { error: { code: string; message: string; field?: string; reason?: string } } } {
  if (exception instanceof DomainError) {
    switch (exception.code) {
      case 'VALIDATION':
        return { status: 400, body: { error: { code: 'BAD_USER_INPUT', message: exception.message, field: (exception as DomainError & { field: string }).field } } };
      case 'NOT_FOUND':
        return { status: 404, body: { error: { code: 'NOT_FOUND', message: exception.message } } };
      default:
        return { status: 409, body: { error: { code: 'CONFLICT', message: exception.message, reason: exception.code } } };
    }
  }
  if (exception instanceof ForbiddenError) return { status: 403, body: { error: { code: 'FORBIDDEN', message: exception.message } } };
  return { status: 409, body: { error: { code: 'CONFLICT', message: 'the record was changed concurrently; reload and try again', reason: 'CONCURRENT_CHANGE' } } };
}

/**
 * Errors a client causes (bad input, unknown id, invalid state, jurisdiction, a concurrent change) are answers,
 * not faults: hand them to GraphQL as they are (a resolver result that is an Error is raised by graphql-js and
 * typed by `formatGraphqlError`) instead of letting Nest's default handler log them as server errors with a
 * stack trace. Anything else still reaches Nest's handler and is logged. On a plain HTTP route (the governance
 * view's report page and exports) the same errors are answered as JSON with their HTTP status.
 */
@Catch(DomainError, ForbiddenError, ConcurrentChangeError, StreamVersionConflict)
export class ExpectedErrorsFilter implements ExceptionFilter {
  catch(exception: Error, host: ArgumentsHost): Error | undefined {
    if (host.getType() !== 'http') return exception;
    const { status, body } = httpErrorOf(exception);
    const reply = host.switchToHttp().getResponse<{ status(code: number): { type(t: string): { send(b: unknown): unknown } } }>();
    reply.status(status).type('application/json; charset=utf-8').send(body);
    return undefined;
  }
}
