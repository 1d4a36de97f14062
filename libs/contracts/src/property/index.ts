import type { JsonSchema } from '../json-schema.js';
import {
  compoundMarkedRedPropertyV1,
  compoundOccupancyRecordedV1,
  compoundRegisteredV1,
  propertyServiceContractEndedV1,
  propertyServiceContractSignedV1,
} from './compound.schemas.js';
import {
  ownersAssemblyCandidateNominatedV1,
  ownersAssemblyConvenedV1,
  ownersAssemblyElectionBallotCastV1,
  ownersAssemblyElectionCountedV1,
  ownersAssemblyMotionBallotCastV1,
  ownersAssemblyMotionCountedV1,
  ownersAssemblyRollEntryRecordedV1,
  ownersAssemblyVotingOpenedV1,
} from './owners-assembly.schemas.js';
import {
  ownersCommitteeElectedV1,
  ownersCommitteeFiledV1,
  ownersCommitteePreparatoryGroupFormedV1,
} from './owners-committee.schemas.js';
import {
  propertyServiceAssessmentConcludedV1,
  propertyServiceAssessmentOpenedV1,
  propertyServiceAssessmentVetoedV1,
  propertyServiceCriterionScoredV1,
} from './property-assessment.schemas.js';
import {
  workOrderAssignedV1,
  workOrderCompletedV1,
  workOrderCompletionRejectedV1,
  workOrderOpenedV1,
  workOrderVerifiedV1,
} from './work-order.schemas.js';

/** The property context's public event schemas, by event type and schema version. */
export const propertySchemas: Record<string, Record<number, JsonSchema>> = {
  CompoundRegistered: { 1: compoundRegisteredV1 },
  CompoundOccupancyRecorded: { 1: compoundOccupancyRecordedV1 },
  PropertyServiceContractSigned: { 1: propertyServiceContractSignedV1 },
  PropertyServiceContractEnded: { 1: propertyServiceContractEndedV1 },
  CompoundMarkedRedProperty: { 1: compoundMarkedRedPropertyV1 },
  OwnersAssemblyConvened: { 1: ownersAssemblyConvenedV1 },
  OwnersAssemblyRollEntryRecorded: { 1: ownersAssemblyRollEntryRecordedV1 },
  OwnersAssemblyCandidateNominated: { 1: ownersAssemblyCandidateNominatedV1 },
  OwnersAssemblyVotingOpened: { 1: ownersAssemblyVotingOpenedV1 },
  OwnersAssemblyMotionBallotCast: { 1: ownersAssemblyMotionBallotCastV1 },
  OwnersAssemblyElectionBallotCast: { 1: ownersAssemblyElectionBallotCastV1 },
  OwnersAssemblyMotionCounted: { 1: ownersAssemblyMotionCountedV1 },
  OwnersAssemblyElectionCounted: { 1: ownersAssemblyElectionCountedV1 },
  OwnersCommitteePreparatoryGroupFormed: { 1: ownersCommitteePreparatoryGroupFormedV1 },
  OwnersCommitteeElected: { 1: ownersCommitteeElectedV1 },
  OwnersCommitteeFiled: { 1: ownersCommitteeFiledV1 },
  WorkOrderOpened: { 1: workOrderOpenedV1 },
  WorkOrderAssigned: { 1: workOrderAssignedV1 },
  WorkOrderCompleted: { 1: workOrderCompletedV1 },
  WorkOrderCompletionRejected: { 1: workOrderCompletionRejectedV1 },
  WorkOrderVerified: { 1: workOrderVerifiedV1 },
  PropertyServiceAssessmentOpened: { 1: propertyServiceAssessmentOpenedV1 },
  PropertyServiceCriterionScored: { 1: propertyServiceCriterionScoredV1 },
  PropertyServiceAssessmentVetoed: { 1: propertyServiceAssessmentVetoedV1 },
  PropertyServiceAssessmentConcluded: { 1: propertyServiceAssessmentConcludedV1 },
};
