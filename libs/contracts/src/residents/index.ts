import type { JsonSchema } from '../json-schema.js';
import {
  appealAcceptedV1,
  appealDispatchedV1,
  appealEscalatedV1,
  appealFiledV1,
  appealProgressNotedV1,
  appealReopenedV1,
  appealResolvedV1,
  appealReturnVisitedV1,
} from './appeal.schemas.js';
import { communityRegisteredV1, gridDelineatedV1, gridWorkerAssignedV1 } from './community.schemas.js';
import { householdRegisteredV1 } from './household.schemas.js';
import {
  residentMovedInV1,
  residentMovedOutV1,
  residentPersonalDataErasedV1,
  vulnerableGroupTaggedV1,
  vulnerableGroupUntaggedV1,
} from './resident.schemas.js';

/** Every public schema of the residents context, keyed by event type, then schema version. */
export const residentsSchemas = {
  CommunityRegistered: { 1: communityRegisteredV1 },
  GridDelineated: { 1: gridDelineatedV1 },
  GridWorkerAssigned: { 1: gridWorkerAssignedV1 },
  HouseholdRegistered: { 1: householdRegisteredV1 },
  ResidentMovedIn: { 1: residentMovedInV1 },
  ResidentMovedOut: { 1: residentMovedOutV1 },
  VulnerableGroupTagged: { 1: vulnerableGroupTaggedV1 },
  VulnerableGroupUntagged: { 1: vulnerableGroupUntaggedV1 },
  ResidentPersonalDataErased: { 1: residentPersonalDataErasedV1 },
  AppealFiled: { 1: appealFiledV1 },
  AppealAccepted: { 1: appealAcceptedV1 },
  AppealDispatched: { 1: appealDispatchedV1 },
  AppealProgressNoted: { 1: appealProgressNotedV1 },
  AppealResolved: { 1: appealResolvedV1 },
  AppealReturnVisited: { 1: appealReturnVisitedV1 },
  AppealReopened: { 1: appealReopenedV1 },
  AppealEscalated: { 1: appealEscalatedV1 },
} as const satisfies Record<string, Record<number, JsonSchema>>;

export type ResidentsEventType = keyof typeof residentsSchemas;
