import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '../actor.js';
import { requestOf } from './request.js';

export const IS_PUBLIC = 'cogov:auth:public';
export const REQUIRED_ROLES = 'cogov:auth:roles';

/** Skips authentication for a route or resolver (health, metrics). Everything else needs a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Refuses (FORBIDDEN) callers that hold none of these roles. Jurisdiction is still the handler's check. */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated Actor; undefined only on @Public() handlers. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined => requestOf(context).actor,
);
