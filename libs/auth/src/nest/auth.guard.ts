import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Role } from '../actor.js';
import { canWrite, hasAnyRole, SCOPED_WRITE_ROLES } from '../authorization.js';
import { AuthenticationError, JwtVerifier } from '../jwt-verifier.js';
import { forbidden, unauthenticated } from './auth-errors.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import { bearerToken, isGraphQL, requestOf } from './request.js';

/** Whether the handler's @RequireRoles opens it, by name, to a scoped-write role the actor holds. */
const opensScopedWrite = (held: readonly Role[], required: readonly Role[] | undefined): boolean =>
  required !== undefined && required.some((role) => SCOPED_WRITE_ROLES.has(role) && held.includes(role));

/**
 * Global guard: every handler needs a valid bearer token unless marked @Public(). The gateway forwards
 * the caller's token, and each subgraph verifies it again: the gateway does not enforce auth for us.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const graphql = isGraphQL(context);
    const request = requestOf(context);
    // A GraphQL operation runs the guard once per root field; the token is verified on the first only.
    if (request.actor === undefined) {
      const token = bearerToken(request);
      if (token === undefined) {
        throw unauthenticated(graphql, 'Authentication required: send "Authorization: Bearer <access token>"');
      }
      try {
        request.actor = await this.verifier.verify(token);
      } catch (error) {
        if (error instanceof AuthenticationError) throw unauthenticated(graphql, `Invalid token: ${error.message}`);
        throw error;
      }
    }
    const actor = request.actor;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required !== undefined && !hasAnyRole(actor, required)) {
      throw forbidden(graphql, `Requires one of the roles: ${required.join(', ')}`);
    }
    // Read-only roles are refused every mutation here, so no resolver can forget to; the one way through is a
    // scoped write: a mutation whose @RequireRoles names a scoped-write role the actor holds (SCOPED_WRITE_ROLES).
    if (graphql && !canWrite(actor) && !opensScopedWrite(actor.roles, required)) {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
      if (info.operation.operation === 'mutation') throw forbidden(graphql, 'Your roles are read-only');
    }
    return true;
  }
}
