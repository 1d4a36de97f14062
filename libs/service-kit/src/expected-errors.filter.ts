import { Catch, type ExceptionFilter } from '@nestjs/common';
import { StreamVersionConflict } from '@cogov/eventsourcing';
import { DomainError } from '@cogov/domain';
import { ConcurrentChangeError, ForbiddenError } from './errors.js';

/**
 * Errors a client causes (bad input, unknown id, invalid state, jurisdiction, a concurrent change) are answers,
 * not faults: hand them to GraphQL as they are (a resolver result that is an Error is raised by graphql-js and
 * typed by `formatGraphqlError`) instead of letting Nest's default handler log them as server errors with a
 * stack trace. Anything else still reaches Nest's handler and is logged.
 */
@Catch(DomainError, ForbiddenError, ConcurrentChangeError, StreamVersionConflict)
export class ExpectedErrorsFilter implements ExceptionFilter {
  catch(exception: Error): Error {
    return exception;
  }
}
