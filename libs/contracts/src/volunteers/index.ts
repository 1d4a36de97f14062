import type { JsonSchema } from '../json-schema.js';
import {
  serviceCertificateIssuedV1,
  serviceCertificateRevokedV1,
  serviceHoursRecordedV1,
  volunteerStarLevelReachedV1,
} from './hours-ledger.schemas.js';
import {
  opportunityServiceHoursVerifiedV1,
  serviceOpportunityCancelledV1,
  serviceOpportunityCompletedV1,
  serviceOpportunityPublishedV1,
  volunteerCheckedInV1,
  volunteerCheckedOutV1,
  volunteerSignedUpV1,
  volunteerWithdrewFromOpportunityV1,
} from './opportunity.schemas.js';
import { volunteerTeamDisbandedV1, volunteerTeamFormedV1 } from './team.schemas.js';
import {
  volunteerJoinedTeamV1,
  volunteerLeftTeamV1,
  volunteerRegisteredV1,
  volunteerReinstatedV1,
  volunteerSuspendedV1,
  volunteerTrainingCompletedV1,
} from './volunteer.schemas.js';

/** The volunteers context's public event schemas, by event type and schema version. */
export const volunteersSchemas = {
  VolunteerRegistered: { 1: volunteerRegisteredV1 },
  VolunteerJoinedTeam: { 1: volunteerJoinedTeamV1 },
  VolunteerLeftTeam: { 1: volunteerLeftTeamV1 },
  VolunteerTrainingCompleted: { 1: volunteerTrainingCompletedV1 },
  VolunteerSuspended: { 1: volunteerSuspendedV1 },
  VolunteerReinstated: { 1: volunteerReinstatedV1 },
  VolunteerTeamFormed: { 1: volunteerTeamFormedV1 },
  VolunteerTeamDisbanded: { 1: volunteerTeamDisbandedV1 },
  ServiceOpportunityPublished: { 1: serviceOpportunityPublishedV1 },
  VolunteerSignedUp: { 1: volunteerSignedUpV1 },
  VolunteerWithdrewFromOpportunity: { 1: volunteerWithdrewFromOpportunityV1 },
  VolunteerCheckedIn: { 1: volunteerCheckedInV1 },
  VolunteerCheckedOut: { 1: volunteerCheckedOutV1 },
  OpportunityServiceHoursVerified: { 1: opportunityServiceHoursVerifiedV1 },
  ServiceOpportunityCancelled: { 1: serviceOpportunityCancelledV1 },
  ServiceOpportunityCompleted: { 1: serviceOpportunityCompletedV1 },
  ServiceHoursRecorded: { 1: serviceHoursRecordedV1 },
  VolunteerStarLevelReached: { 1: volunteerStarLevelReachedV1 },
  ServiceCertificateIssued: { 1: serviceCertificateIssuedV1 },
  ServiceCertificateRevoked: { 1: serviceCertificateRevokedV1 },
} as const satisfies Record<string, Record<number, JsonSchema>>;

export type VolunteersEventType = keyof typeof volunteersSchemas;
