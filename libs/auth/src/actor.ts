/** Roles a token may carry. What each may do is written down in libs/auth/README.md. */
export const ROLES = ['street_admin', 'community_staff', 'grid_worker', 'agency_analyst', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** The places an actor acts for. Which of the lists count depends on the role (see authorization.ts). */
export interface Jurisdiction {
  streetIds: string[];
  communityIds: string[];
  gridIds: string[];
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
