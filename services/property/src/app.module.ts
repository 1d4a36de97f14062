import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceApiModule, ServiceInfrastructureModule } from '@cogov/service-kit';
import { CommunityResolver } from './community/community.resolver.js';
import { CompoundCommands } from './compound/compound-commands.js';
import { EndPropertyServiceContractHandler } from './compound/end-property-service-contract/end-property-service-contract.handler.js';
import { EndPropertyServiceContractResolver } from './compound/end-property-service-contract/end-property-service-contract.resolver.js';
import { MarkRedPropertyHandler } from './compound/mark-red-property/mark-red-property.handler.js';
import { MarkRedPropertyResolver } from './compound/mark-red-property/mark-red-property.resolver.js';
import { CompoundRow } from './compound/projections/compound-directory/compound-directory.entity.js';
import { compoundDirectoryProjection } from './compound/projections/compound-directory/compound-directory.projection.js';
import { CompoundDirectoryResolver } from './compound/projections/compound-directory/compound-directory.resolver.js';
import { RecordCompoundOccupancyHandler } from './compound/record-compound-occupancy/record-compound-occupancy.handler.js';
import { RecordCompoundOccupancyResolver } from './compound/record-compound-occupancy/record-compound-occupancy.resolver.js';
import { RegisterCompoundHandler } from './compound/register-compound/register-compound.handler.js';
import { RegisterCompoundResolver } from './compound/register-compound/register-compound.resolver.js';
import { SignPropertyServiceContractHandler } from './compound/sign-property-service-contract/sign-property-service-contract.handler.js';
import { SignPropertyServiceContractResolver } from './compound/sign-property-service-contract/sign-property-service-contract.resolver.js';
import type { PropertyConfig } from './infrastructure/config.js';
import { CastElectionBallotHandler } from './owners-assembly/cast-election-ballot/cast-election-ballot.handler.js';
import { CastElectionBallotResolver } from './owners-assembly/cast-election-ballot/cast-election-ballot.resolver.js';
import { CastMotionBallotHandler } from './owners-assembly/cast-motion-ballot/cast-motion-ballot.handler.js';
import { CastMotionBallotResolver } from './owners-assembly/cast-motion-ballot/cast-motion-ballot.resolver.js';
import { ConveneOwnersAssemblyHandler } from './owners-assembly/convene-owners-assembly/convene-owners-assembly.handler.js';
import { ConveneOwnersAssemblyResolver } from './owners-assembly/convene-owners-assembly/convene-owners-assembly.resolver.js';
import { CountAssemblyVoteHandler } from './owners-assembly/count-assembly-vote/count-assembly-vote.handler.js';
import { CountAssemblyVoteResolver } from './owners-assembly/count-assembly-vote/count-assembly-vote.resolver.js';
import { NominateCommitteeCandidateHandler } from './owners-assembly/nominate-committee-candidate/nominate-committee-candidate.handler.js';
import { NominateCommitteeCandidateResolver } from './owners-assembly/nominate-committee-candidate/nominate-committee-candidate.resolver.js';
import { OpenAssemblyVotingHandler } from './owners-assembly/open-assembly-voting/open-assembly-voting.handler.js';
import { OpenAssemblyVotingResolver } from './owners-assembly/open-assembly-voting/open-assembly-voting.resolver.js';
import { OwnersAssemblyCommands } from './owners-assembly/owners-assembly-commands.js';
import { AssemblyRow } from './owners-assembly/projections/assembly-register/assembly-register.entity.js';
import { assemblyRegisterProjection } from './owners-assembly/projections/assembly-register/assembly-register.projection.js';
import { AssemblyRegisterResolver } from './owners-assembly/projections/assembly-register/assembly-register.resolver.js';
import { RecordOwnerOnRollHandler } from './owners-assembly/record-owner-on-roll/record-owner-on-roll.handler.js';
import { RecordOwnerOnRollResolver } from './owners-assembly/record-owner-on-roll/record-owner-on-roll.resolver.js';
import { ConveneCommitteeElectionHandler } from './owners-committee/convene-committee-election/convene-committee-election.handler.js';
import { ConveneCommitteeElectionResolver } from './owners-committee/convene-committee-election/convene-committee-election.resolver.js';
import { FileOwnersCommitteeHandler } from './owners-committee/file-owners-committee/file-owners-committee.handler.js';
import { FileOwnersCommitteeResolver } from './owners-committee/file-owners-committee/file-owners-committee.resolver.js';
import { FormPreparatoryGroupHandler } from './owners-committee/form-preparatory-group/form-preparatory-group.handler.js';
import { FormPreparatoryGroupResolver } from './owners-committee/form-preparatory-group/form-preparatory-group.resolver.js';
import { OwnersCommitteeCommands } from './owners-committee/owners-committee-commands.js';
import { OwnersCommitteeRow } from './owners-committee/projections/owners-committee-register/owners-committee-register.entity.js';
import { ownersCommitteeRegisterProjection } from './owners-committee/projections/owners-committee-register/owners-committee-register.projection.js';
import { OwnersCommitteeRegisterResolver } from './owners-committee/projections/owners-committee-register/owners-committee-register.resolver.js';
import { RecordCommitteeElectionHandler } from './owners-committee/record-committee-election/record-committee-election.handler.js';
import { RecordCommitteeElectionResolver } from './owners-committee/record-committee-election/record-committee-election.resolver.js';
import { ConcludePropertyServiceAssessmentHandler } from './property-assessment/conclude-property-service-assessment/conclude-property-service-assessment.handler.js';
import { ConcludePropertyServiceAssessmentResolver } from './property-assessment/conclude-property-service-assessment/conclude-property-service-assessment.resolver.js';
import { OpenPropertyServiceAssessmentHandler } from './property-assessment/open-property-service-assessment/open-property-service-assessment.handler.js';
import { OpenPropertyServiceAssessmentResolver } from './property-assessment/open-property-service-assessment/open-property-service-assessment.resolver.js';
import { AssessmentRow } from './property-assessment/projections/assessment-register/assessment-register.entity.js';
import { assessmentRegisterProjection } from './property-assessment/projections/assessment-register/assessment-register.projection.js';
import { AssessmentRegisterResolver } from './property-assessment/projections/assessment-register/assessment-register.resolver.js';
import { PropertyAssessmentCommands } from './property-assessment/property-assessment-commands.js';
import { ScorePropertyServiceCriterionHandler } from './property-assessment/score-property-service-criterion/score-property-service-criterion.handler.js';
import { ScorePropertyServiceCriterionResolver } from './property-assessment/score-property-service-criterion/score-property-service-criterion.resolver.js';
import { AssignWorkOrderHandler } from './work-order/assign-work-order/assign-work-order.handler.js';
import { AssignWorkOrderResolver } from './work-order/assign-work-order/assign-work-order.resolver.js';
import { CompleteWorkOrderHandler } from './work-order/complete-work-order/complete-work-order.handler.js';
import { CompleteWorkOrderResolver } from './work-order/complete-work-order/complete-work-order.resolver.js';
import { OpenWorkOrderHandler } from './work-order/open-work-order/open-work-order.handler.js';
import { OpenWorkOrderResolver } from './work-order/open-work-order/open-work-order.resolver.js';
import { RejectWorkOrderCompletionHandler } from './work-order/reject-work-order-completion/reject-work-order-completion.handler.js';
import { RejectWorkOrderCompletionResolver } from './work-order/reject-work-order-completion/reject-work-order-completion.resolver.js';
import { WorkOrderRow } from './work-order/projections/work-order-board/work-order-board.entity.js';
import { workOrderBoardProjection } from './work-order/projections/work-order-board/work-order-board.projection.js';
import { WorkOrderBoardResolver } from './work-order/projections/work-order-board/work-order-board.resolver.js';
import { VerifyWorkOrderHandler } from './work-order/verify-work-order/verify-work-order.handler.js';
import { VerifyWorkOrderResolver } from './work-order/verify-work-order/verify-work-order.resolver.js';
import { WorkOrderCommands } from './work-order/work-order-commands.js';
import { WORKFLOWS } from './workflows/index.js';

export const CONTEXT = 'property';

export const PROJECTIONS: readonly Projection[] = [
  compoundDirectoryProjection,
  workOrderBoardProjection,
  assessmentRegisterProjection,
  assemblyRegisterProjection,
  ownersCommitteeRegisterProjection,
];

export const COMMAND_HANDLERS = [
  RegisterCompoundHandler,
  RecordCompoundOccupancyHandler,
  SignPropertyServiceContractHandler,
  EndPropertyServiceContractHandler,
  MarkRedPropertyHandler,
  OpenWorkOrderHandler,
  AssignWorkOrderHandler,
  CompleteWorkOrderHandler,
  RejectWorkOrderCompletionHandler,
  VerifyWorkOrderHandler,
  OpenPropertyServiceAssessmentHandler,
  ScorePropertyServiceCriterionHandler,
  ConcludePropertyServiceAssessmentHandler,
  ConveneOwnersAssemblyHandler,
  RecordOwnerOnRollHandler,
  NominateCommitteeCandidateHandler,
  OpenAssemblyVotingHandler,
  CastMotionBallotHandler,
  CastElectionBallotHandler,
  CountAssemblyVoteHandler,
  FormPreparatoryGroupHandler,
  ConveneCommitteeElectionHandler,
  RecordCommitteeElectionHandler,
  FileOwnersCommitteeHandler,
];

/** The command side's shells, shared by the handlers (and the resolvers, which present their answers). */
const COMMAND_SERVICES = [CompoundCommands, WorkOrderCommands, PropertyAssessmentCommands, OwnersAssemblyCommands, OwnersCommitteeCommands];

const RESOLVERS = [
  RegisterCompoundResolver,
  RecordCompoundOccupancyResolver,
  SignPropertyServiceContractResolver,
  EndPropertyServiceContractResolver,
  MarkRedPropertyResolver,
  OpenWorkOrderResolver,
  AssignWorkOrderResolver,
  CompleteWorkOrderResolver,
  RejectWorkOrderCompletionResolver,
  VerifyWorkOrderResolver,
  OpenPropertyServiceAssessmentResolver,
  ScorePropertyServiceCriterionResolver,
  ConcludePropertyServiceAssessmentResolver,
  ConveneOwnersAssemblyResolver,
  RecordOwnerOnRollResolver,
  NominateCommitteeCandidateResolver,
  OpenAssemblyVotingResolver,
  CastMotionBallotResolver,
  CastElectionBallotResolver,
  CountAssemblyVoteResolver,
  FormPreparatoryGroupResolver,
  ConveneCommitteeElectionResolver,
  RecordCommitteeElectionResolver,
  FileOwnersCommitteeResolver,
  CompoundDirectoryResolver,
  WorkOrderBoardResolver,
  AssessmentRegisterResolver,
  AssemblyRegisterResolver,
  OwnersCommitteeRegisterResolver,
  CommunityResolver,
];

/**
 * The command side alone: what the demo loader boots (no HTTP, no GraphQL). The loader acts as a system actor,
 * which needs no street lookups: `communityDirectory: false` keeps it out of the service's directory consumer group.
 */
@Module({})
export class PropertyCommandsModule {
  static forRoot(config: PropertyConfig, { communityDirectory = true }: { communityDirectory?: boolean } = {}): DynamicModule {
    return {
      module: PropertyCommandsModule,
      imports: [
        CqrsModule.forRoot(),
        ServiceInfrastructureModule.forRoot({
          context: CONTEXT,
          config,
          projections: PROJECTIONS,
          readModelEntities: [CompoundRow, WorkOrderRow, AssessmentRow, AssemblyRow, OwnersCommitteeRow],
          // Communities' streets (street-wide roles) from the residents' CommunityRegistered on Kafka.
          communityDirectory,
          workflows: WORKFLOWS,
        }),
      ],
      providers: [...COMMAND_SERVICES, ...COMMAND_HANDLERS],
      exports: COMMAND_SERVICES,
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: PropertyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PropertyCommandsModule.forRoot(config), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: RESOLVERS,
    };
  }
}
