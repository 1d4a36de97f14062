import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `organisation-<organisationId>`. An organisation is a unit stationed in the area (驻区单位) or a
 * social organisation (社会组织); its community is the one it is registered in (its jurisdiction).
 */

export const ORGANISATION_TYPES = [
  'government_body',
  'public_institution',
  'state_enterprise',
  'private_enterprise',
  'school',
  'hospital',
  'social_organisation',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * A social organisation's incubation stage (孵化阶段):
 * - `incubating` (孵化中): hosted by a community incubator, not a legal person, no credit code;
 * - `incubated` (已出壳): incubation completed, runs on its own, may be on file (备案) with the street, still no code;
 * - `registered` (已登记): registered with the civil-affairs bureau as a legal person, with a credit code.
 * Other organisation types have no stage (`null`) and always a credit code.
 */
export const INCUBATION_STAGES = ['incubating', 'incubated', 'registered'] as const;
export type IncubationStage = (typeof INCUBATION_STAGES)[number];

export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  {
    organisationId: string;
    communityId: string;
    name: string;
    type: OrganisationType;
    /** Unified social credit code (GB 32100-2015), upper case; null only for a social organisation not yet registered. */
    creditCode: string | null;
    /** Non-null exactly for `social_organisation`. */
    incubationStage: IncubationStage | null;
    address: string;
    registeredAt: string;
  }
>;

export type SocialOrganisationIncubated = DomainEvent<
  'SocialOrganisationIncubated',
  { organisationId: string; communityId: string; incubatedAt: string }
>;

export type SocialOrganisationLegallyRegistered = DomainEvent<
  'SocialOrganisationLegallyRegistered',
  { organisationId: string; communityId: string; creditCode: string; legallyRegisteredAt: string }
>;

export type OrganisationEvent = OrganisationRegistered | SocialOrganisationIncubated | SocialOrganisationLegallyRegistered;

export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;
