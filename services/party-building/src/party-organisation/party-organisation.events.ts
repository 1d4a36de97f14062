import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `party-organisation-<organisationId>`: a party organisation of a community — its general branch
 * (总支) or a branch (支部), possibly set up in a unit such as a property company (then it makes that
 * company "red property") — with its first secretary (第一书记), its part-time cadres (兼职委员) from
 * paired units, and the party-masses service centre and stations (党群服务中心/站) it runs.
 *
 * Names of people are personal data: encrypted, subject = the person's own id.
 */

export const PARTY_ORGANISATION_KINDS = ['general_branch', 'branch'] as const;
export type PartyOrganisationKind = (typeof PARTY_ORGANISATION_KINDS)[number];

export const SERVICE_CENTRE_KINDS = ['centre', 'station'] as const;
export type ServiceCentreKind = (typeof SERVICE_CENTRE_KINDS)[number];

export type PartyOrganisationEstablished = DomainEvent<
  'PartyOrganisationEstablished',
  {
    organisationId: string;
    communityId: string;
    kind: PartyOrganisationKind;
    name: string;
    /** The organisation above it (e.g. the community's general branch), or null. */
    parentOrganisationId: string | null;
    /** The unit it is set up in (a property company, a paired unit), or null for the community's own. */
    hostUnitId: string | null;
    establishedAt: string;
  }
>;

export type FirstSecretaryAppointed = DomainEvent<
  'FirstSecretaryAppointed',
  {
    organisationId: string;
    communityId: string;
    secretaryId: string;
    /** Encrypted, subject = secretaryId. */
    name: EncryptedField;
    /** The unit that sent the secretary (选派单位), or null. */
    sendingUnitId: string | null;
    appointedAt: string;
  }
>;

export type PartTimeCadreAppointed = DomainEvent<
  'PartTimeCadreAppointed',
  {
    organisationId: string;
    communityId: string;
    cadreId: string;
    /** Encrypted, subject = cadreId. */
    name: EncryptedField;
    /** The paired unit (结对共建单位) the cadre comes from. */
    pairedUnitId: string;
    appointedAt: string;
  }
>;

export type PartTimeCadreReleased = DomainEvent<
  'PartTimeCadreReleased',
  { organisationId: string; communityId: string; cadreId: string; releasedAt: string }
>;

export type PartyMassesServiceCentreOpened = DomainEvent<
  'PartyMassesServiceCentreOpened',
  {
    organisationId: string;
    communityId: string;
    centreId: string;
    kind: ServiceCentreKind;
    name: string;
    address: string;
    openedAt: string;
  }
>;

export type PartyOrganisationEvent =
  | PartyOrganisationEstablished
  | FirstSecretaryAppointed
  | PartTimeCadreAppointed
  | PartTimeCadreReleased
  | PartyMassesServiceCentreOpened;

export const partyOrganisationStreamId = (organisationId: string): string => `party-organisation-${organisationId}`;
