import type { JsonSchema } from '../json-schema.js';
import { householdContactAssignedV1, householdContactReleasedV1, householdContactVisitRecordedV1 } from './household-contact.schemas.js';
import { partyActivityHeldV1 } from './party-activity.schemas.js';
import { partyMemberCommunityRegistrationEndedV1, partyMemberRegisteredAtCommunityV1, partyMemberServiceHoursCreditedV1 } from './party-member.schemas.js';
import {
  firstSecretaryAppointedV1,
  partTimeCadreAppointedV1,
  partTimeCadreReleasedV1,
  partyMassesServiceCentreOpenedV1,
  partyOrganisationEstablishedV1,
} from './party-organisation.schemas.js';

/** The party-building context's public event schemas, by event type and schema version. */
export const partyBuildingSchemas: Record<string, Record<number, JsonSchema>> = {
  PartyOrganisationEstablished: { 1: partyOrganisationEstablishedV1 },
  FirstSecretaryAppointed: { 1: firstSecretaryAppointedV1 },
  PartTimeCadreAppointed: { 1: partTimeCadreAppointedV1 },
  PartTimeCadreReleased: { 1: partTimeCadreReleasedV1 },
  PartyMassesServiceCentreOpened: { 1: partyMassesServiceCentreOpenedV1 },
  PartyMemberRegisteredAtCommunity: { 1: partyMemberRegisteredAtCommunityV1 },
  PartyMemberCommunityRegistrationEnded: { 1: partyMemberCommunityRegistrationEndedV1 },
  PartyMemberServiceHoursCredited: { 1: partyMemberServiceHoursCreditedV1 },
  HouseholdContactAssigned: { 1: householdContactAssignedV1 },
  HouseholdContactReleased: { 1: householdContactReleasedV1 },
  HouseholdContactVisitRecorded: { 1: householdContactVisitRecordedV1 },
  PartyActivityHeld: { 1: partyActivityHeldV1 },
};
