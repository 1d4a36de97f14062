/** Roles a token may carry. What each may do is written down in libs/auth/README.md. */
export const ROLES = ['street_admin', 'community_staff', 'grid_worker', 'agency_analyst', 'service', 'organisation_admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** The places an actor acts for. Which of the lists count depends on the role (see authorization.ts). */
export interface Jurisdiction {
  streetIds: string[];
  communityIds: string[];
  gridIds: string[];
  /**
   * The organisations (a partner NGO, a unit stationed in the area) an `organisation_admin` administers; no
   * other role reads it, and it covers no place (see `administersOrganisation`). Optional so that code and
   * tests building a jurisdiction by hand need not name it; an Actor from a verified token always has it
   * (empty when the token carries none).
   */
  organisationIds?: string[];
}

/** The authenticated caller, built from a verified token's claims. */
export interface Actor {
  /** `sub`: the user id, or the client id for machine-to-machine tokens. */
  subject: string;
  roles: Role[];
  jurisdiction: Jurisdiction;
  /** `client_id` (RFC 9068): the application the token was issued to. */
  clientId: string;
}
