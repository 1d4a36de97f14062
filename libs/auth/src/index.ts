export { ROLES, isRole, type Actor, type Jurisdiction, type Role } from './actor.js';
export {
  SCOPED_WRITE_ROLES,
  WRITE_ROLES,
  administersOrganisation,
  canSeePersonalData,
  canWrite,
  coversCommunity,
  coversStreet,
  coversGrid,
  hasAnyRole,
  type Place,
} from './authorization.js';
export { maskIdNumber, maskName, maskPhone } from './masking.js';
export {
  ALLOWED_ALGORITHMS,
  AuthenticationError,
  JwtVerifier,
  actorFromClaims,
  type AllowedAlgorithm,
  type JwtVerifierConfig,
} from './jwt-verifier.js';
export { AuthGuard } from './nest/auth.guard.js';
export { operationAuthenticationPlugin } from './nest/operation-authentication.plugin.js';
export { AuthModule, type AuthModuleOptions } from './nest/auth.module.js';
export { FORBIDDEN, UNAUTHENTICATED, formatAuthError } from './nest/auth-errors.js';
export { CurrentActor, IS_PUBLIC, Public, REQUIRED_ROLES, RequireRoles } from './nest/decorators.js';
export { requireActor, type AuthenticatedRequest } from './nest/request.js';
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  defaultKeysDir,
  ensureDevKeys,
  mintToken,
  type DevKeys,
  type DevTokenClaims,
} from './dev/dev-keys.js';
