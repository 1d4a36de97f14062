import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `compound-<compoundId>`: a residential compound (小区) of a community, its occupancy, the property
 * service contract in force and the red-property mark (红色物业). Areas are integer hundredths of a m².
 */

export const COMPOUND_ENCLOSURES = ['closed', 'open'] as const;
export type CompoundEnclosure = (typeof COMPOUND_ENCLOSURES)[number];

export type CompoundRegistered = DomainEvent<
  'CompoundRegistered',
  {
    compoundId: string;
    communityId: string;
    name: string;
    enclosure: CompoundEnclosure;
    unitCount: number;
    floorAreaHundredthM2: number;
    registeredAt: string;
  }
>;

export type CompoundOccupancyRecorded = DomainEvent<
  'CompoundOccupancyRecorded',
  { compoundId: string; communityId: string; occupiedUnitCount: number; unitCount: number; recordedAt: string }
>;

export type PropertyServiceContractSigned = DomainEvent<
  'PropertyServiceContractSigned',
  {
    compoundId: string;
    communityId: string;
    contractId: string;
    companyId: string;
    companyName: string;
    /** 统一社会信用代码 of the property company. */
    unifiedSocialCreditCode: string;
    startsOn: string;
    endsOn: string;
    signedAt: string;
  }
>;

export type PropertyServiceContractEnded = DomainEvent<
  'PropertyServiceContractEnded',
  { compoundId: string; communityId: string; contractId: string; companyId: string; reason: string; endedAt: string }
>;

export type CompoundMarkedRedProperty = DomainEvent<
  'CompoundMarkedRedProperty',
  {
    compoundId: string;
    communityId: string;
    contractId: string;
    companyId: string;
    /** The property company's own party organisation (party-building context). */
    partyOrganisationId: string;
    markedAt: string;
  }
>;

export type CompoundEvent =
  | CompoundRegistered
  | CompoundOccupancyRecorded
  | PropertyServiceContractSigned
  | PropertyServiceContractEnded
  | CompoundMarkedRedProperty;

export const compoundStreamId = (compoundId: string): string => `compound-${compoundId}`;
