import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceApiModule, ServiceInfrastructureModule } from '@cogov/service-kit';
import { CommunityResolver } from './community/community.resolver.js';
import { CompoundCommands } from './compound/compound-commands.js';
import { MarkRedPropertyHandler } from './compound/mark-red-property/mark-red-property.handler.js';
import { MarkRedPropertyResolver } from './compound/mark-red-property/mark-red-property.resolver.js';
import { CompoundRow } from './compound/projections/compound-directory/compound-directory.entity.js';
import { compoundDirectoryProjection } from './compound/projections/compound-directory/compound-directory.projection.js';
import { CompoundDirectoryResolver } from './compound/projections/compound-directory/compound-directory.resolver.js';
import { RegisterCompoundHandler } from './compound/register-compound/register-compound.handler.js';
import { RegisterCompoundResolver } from './compound/register-compound/register-compound.resolver.js';
import { SignPropertyServiceContractHandler } from './compound/sign-property-service-contract/sign-property-service-contract.handler.js';
import { SignPropertyServiceContractResolver } from './compound/sign-property-service-contract/sign-property-service-contract.resolver.js';
import type { PropertyConfig } from './infrastructure/config.js';
import { CastMotionBallotHandler } from './owners-assembly/cast-motion-ballot/cast-motion-ballot.handler.js';
import { CastMotionBallotResolver } from './owners-assembly/cast-motion-ballot/cast-motion-ballot.resolver.js';
import { ConveneOwnersAssemblyHandler } from './owners-assembly/convene-owners-assembly/convene-owners-assembly.handler.js';
import { ConveneOwnersAssemblyResolver } from './owners-assembly/convene-owners-assembly/convene-owners-assembly.resolver.js';
import { CountAssemblyVoteHandler } from './owners-assembly/count-assembly-vote/count-assembly-vote.handler.js';
import { CountAssemblyVoteResolver } from './owners-assembly/count-assembly-vote/count-assembly-vote.resolver.js';
import { OpenAssemblyVotingHandler } from './owners-assembly/open-assembly-voting/open-assembly-voting.handler.js';
import { OpenAssemblyVotingResolver } from './owners-assembly/open-assembly-voting/open-assembly-voting.resolver.js';
import { OwnersAssemblyCommands } from './owners-assembly/owners-assembly-commands.js';
import { AssemblyRow } from './owners-assembly/projections/assembly-register/assembly-register.entity.js';
import { assemblyRegisterProjection } from './owners-assembly/projections/assembly-register/assembly-register.projection.js';
import { AssemblyRegisterResolver } from './owners-assembly/projections/assembly-register/assembly-register.resolver.js';
import { RecordOwnerOnRollHandler } from './owners-assembly/record-owner-on-roll/record-owner-on-roll.handler.js';
import { RecordOwnerOnRollResolver } from './owners-assembly/record-owner-on-roll/record-owner-on-roll.resolver.js';
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
import { WorkOrderRow } from './work-order/projections/work-order-board/work-order-board.entity.js';
import { workOrderBoardProjection } from './work-order/projections/work-order-board/work-order-board.projection.js';
import { WorkOrderBoardResolver } from './work-order/projections/work-order-board/work-order-board.resolver.js';
import { VerifyWorkOrderHandler } from './work-order/verify-work-order/verify-work-order.handler.js';
import { VerifyWorkOrderResolver } from './work-order/verify-work-order/verify-work-order.resolver.js';
import { WorkOrderCommands } from './work-order/work-order-commands.js';

export const CONTEXT = 'property';

export const PROJECTIONS: readonly Projection[] = [
  compoundDirectoryProjection,
  workOrderBoardProjection,
  assessmentRegisterProjection,
  assemblyRegisterProjection,
];

const COMMAND_HANDLERS = [
  RegisterCompoundHandler,
  SignPropertyServiceContractHandler,
  MarkRedPropertyHandler,
  OpenWorkOrderHandler,
  AssignWorkOrderHandler,
  CompleteWorkOrderHandler,
  VerifyWorkOrderHandler,
  OpenPropertyServiceAssessmentHandler,
  ScorePropertyServiceCriterionHandler,
  ConcludePropertyServiceAssessmentHandler,
  ConveneOwnersAssemblyHandler,
  RecordOwnerOnRollHandler,
  OpenAssemblyVotingHandler,
  CastMotionBallotHandler,
  CountAssemblyVoteHandler,
];

const RESOLVERS = [
  RegisterCompoundResolver,
  SignPropertyServiceContractResolver,
  MarkRedPropertyResolver,
  OpenWorkOrderResolver,
  AssignWorkOrderResolver,
  CompleteWorkOrderResolver,
  VerifyWorkOrderResolver,
  OpenPropertyServiceAssessmentResolver,
  ScorePropertyServiceCriterionResolver,
  ConcludePropertyServiceAssessmentResolver,
  ConveneOwnersAssemblyResolver,
  RecordOwnerOnRollResolver,
  OpenAssemblyVotingResolver,
  CastMotionBallotResolver,
  CountAssemblyVoteResolver,
  CompoundDirectoryResolver,
  WorkOrderBoardResolver,
  AssessmentRegisterResolver,
  AssemblyRegisterResolver,
  CommunityResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: PropertyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ServiceInfrastructureModule.forRoot({
          context: CONTEXT,
          config,
          projections: PROJECTIONS,
          readModelEntities: [CompoundRow, WorkOrderRow, AssessmentRow, AssemblyRow],
          // Communities' streets (street-wide roles) from the residents' CommunityRegistered on Kafka.
          communityDirectory: true,
        }),
        ServiceApiModule.forRoot({ context: CONTEXT, config }),
      ],
      providers: [CompoundCommands, WorkOrderCommands, PropertyAssessmentCommands, OwnersAssemblyCommands, ...COMMAND_HANDLERS, ...RESOLVERS],
    };
  }
}
