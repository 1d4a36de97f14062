import type { Actor, Role } from './actor.js';

/**
 * Which jurisdiction lists each role's coverage is read from. A role never gains reach from a list that is
 * not its own: a community_staff token that happens to carry a street id still covers only its communities,
 * so a mistake at the issuer does not widen access.
 */
const REACH: Record<Role, { streets: boolean; communities: boolean; grids: boolean }> = {
  street_admin: { streets: true, communities: true, grids: false },
  community_staff: { streets: false, communities: true, grids: false },
  grid_worker: { streets: false, communities: false, grids: true },
  agency_analyst: { streets: true, communities: true, grids: false },
  service: { streets: true, communities: true, grids: false },
  // Administers organisations, not places: it covers no street, community or grid, so no service's
  // jurisdiction check ever lets it read or change a record of the community.
  organisation_admin: { streets: false, communities: false, grids: false },
};

/** Roles allowed to see personal data in clear, inside their jurisdiction (design §1). */
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set(['street_admin', 'community_staff', 'grid_worker']);

/**
 * Roles allowed to change things in general; everyone else (agency_analyst, organisation_admin) is read-only:
 * the AuthGuard refuses them every GraphQL mutation, except the scoped writes below.
 */
export const WRITE_ROLES: ReadonlySet<Role> = new Set(['street_admin', 'community_staff', 'grid_worker', 'service']);

/**
 * Read-only roles that may still run a mutation whose handler (or class) opens it to them by name with
 * `@RequireRoles(...)`. An organisation admin manages its own organisations' affairs (the webhooks service's
 * subscriptions), nothing of the community: it may change only what a handler explicitly opens to it, and that
 * handler checks `administersOrganisation`. A mutation without such a declaration stays refused, so a resolver
 * that forgets about this role fails closed.
 */
export const SCOPED_WRITE_ROLES: ReadonlySet<Role> = new Set(['organisation_admin']);

/** Where a record lives. `gridId` is null for community-level records (e.g. an appeal filed without a grid). */
export interface Place {
  communityId: string;
  gridId?: string | null;
  /** The community's street; without it street-wide roles cannot be matched and are refused. */
  streetId?: string;
}

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));

export const canWrite = (actor: Actor): boolean => actor.roles.some((r) => WRITE_ROLES.has(r));

/** Whether the actor administers this organisation: an `organisation_admin` holding it in `organisationIds`. */
export const administersOrganisation = (actor: Actor, organisationId: string): boolean =>
  actor.roles.includes('organisation_admin') && (actor.jurisdiction.organisationIds ?? []).includes(organisationId);

function coversWith(actor: Actor, roles: readonly Role[], place: Place): boolean {
  const { streetIds, communityIds, gridIds } = actor.jurisdiction;
  return roles.some((role) => {
    const reach = REACH[role];
    return (
      (reach.streets && place.streetId !== undefined && streetIds.includes(place.streetId)) ||
      (reach.communities && communityIds.includes(place.communityId)) ||
      // Grid ids are globally unique, so the grid alone identifies the place.
      (reach.grids && place.gridId != null && gridIds.includes(place.gridId))
    );
  });
}

/** Whether the actor's jurisdiction covers the whole community (a grid worker's never does). */
export function coversCommunity(actor: Actor, communityId: string, streetId?: string): boolean {
  return coversWith(actor, actor.roles, streetId === undefined ? { communityId } : { communityId, streetId });
}

/** Whether the actor's jurisdiction covers the whole street: only street-wide roles holding that street do. */
export function coversStreet(actor: Actor, streetId: string): boolean {
  return actor.roles.some((role) => REACH[role].streets && actor.jurisdiction.streetIds.includes(streetId));
}

/** Whether the actor's jurisdiction covers the grid: through the grid itself or its whole community. */
export function coversGrid(actor: Actor, gridId: string, communityId: string, streetId?: string): boolean {
  return coversWith(actor, actor.roles, streetId === undefined ? { communityId, gridId } : { communityId, gridId, streetId });
}

/** Whether the actor may read the personal data of a record at this place in clear; otherwise mask it. */
export function canSeePersonalData(actor: Actor, place: Place): boolean {
  return coversWith(
    actor,
    actor.roles.filter((r) => PERSONAL_DATA_ROLES.has(r)),
    place,
  );
}
