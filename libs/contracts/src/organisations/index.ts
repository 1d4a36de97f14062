import type { JsonSchema } from '../json-schema.js';
import {
  sharedFacilityBookedV1,
  sharedFacilityBookingCancelledV1,
  sharedFacilityOfferedV1,
  sharedFacilityOpeningHoursChangedV1,
  sharedFacilityWithdrawnV1,
} from './facility.schemas.js';
import {
  organisationRegisteredV1,
  socialOrganisationIncubatedV1,
  socialOrganisationLegallyRegisteredV1,
} from './organisation.schemas.js';
import {
  coBuildingPairingEstablishedV1,
  pairingActivityHeldV1,
  pairingEndedV1,
  pairingMonthlyThemeSetV1,
  pairingPledgeAmendedV1,
  pairingReviewedV1,
  pairingSupportFundDisbursedV1,
} from './pairing.schemas.js';

/** The organisations context's public event schemas, by event type and schema version. */
export const organisationsSchemas = {
  OrganisationRegistered: { 1: organisationRegisteredV1 },
  SocialOrganisationIncubated: { 1: socialOrganisationIncubatedV1 },
  SocialOrganisationLegallyRegistered: { 1: socialOrganisationLegallyRegisteredV1 },
  CoBuildingPairingEstablished: { 1: coBuildingPairingEstablishedV1 },
  PairingPledgeAmended: { 1: pairingPledgeAmendedV1 },
  PairingMonthlyThemeSet: { 1: pairingMonthlyThemeSetV1 },
  PairingActivityHeld: { 1: pairingActivityHeldV1 },
  PairingSupportFundDisbursed: { 1: pairingSupportFundDisbursedV1 },
  PairingReviewed: { 1: pairingReviewedV1 },
  PairingEnded: { 1: pairingEndedV1 },
  SharedFacilityOffered: { 1: sharedFacilityOfferedV1 },
  SharedFacilityOpeningHoursChanged: { 1: sharedFacilityOpeningHoursChangedV1 },
  SharedFacilityBooked: { 1: sharedFacilityBookedV1 },
  SharedFacilityBookingCancelled: { 1: sharedFacilityBookingCancelledV1 },
  SharedFacilityWithdrawn: { 1: sharedFacilityWithdrawnV1 },
} as const satisfies Record<string, Record<number, JsonSchema>>;

export type OrganisationsEventType = keyof typeof organisationsSchemas;
