import { GraphQLError } from 'graphql';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { ConcurrentChangeError, ForbiddenError, formatGraphqlError } from './errors.js';
import { correlationIdFrom } from './request-context.js';

describe('formatGraphqlError', () => {
  const logged: string[] = [];
  const format = formatGraphqlError({ error: (message) => void logged.push(message) });
  const raise = (original: Error) => {
    const error = new GraphQLError(original.message, { originalError: original, path: ['m'] });
    return format({ message: original.message, path: ['m'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, error);
  };

  it('types domain and shell errors for the client', () => {
    expect(raise(new ValidationError('input.name', 'input.name must not be empty')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(raise(new NotFoundError('community', 'c-1')).extensions).toEqual({ code: 'NOT_FOUND' });
    expect(raise(new ForbiddenError('no')).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(raise(new ConcurrentChangeError('appeal-1')).extensions).toEqual({ code: 'CONFLICT', reason: 'CONCURRENT_CHANGE' });
    expect(logged).toEqual([]);
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR, logs it, and never answers a stack trace', () => {
    const answer = raise(new TypeError('secret detail'));
    expect(answer).toEqual({ message: 'internal error', path: ['m'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual(['unexpected error in a GraphQL operation']);
  });
});

describe('correlationIdFrom', () => {
  it("keeps a sane caller's id and replaces anything else", () => {
    expect(correlationIdFrom({ 'x-correlation-id': 'abc-123' })).toBe('abc-123');
    expect(correlationIdFrom({ 'x-correlation-id': 'a b\n<script>' })).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
