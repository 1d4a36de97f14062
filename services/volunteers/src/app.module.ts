import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule, type Workflow } from '@cogov/service-kit';
import { CommunityVolunteeringResolver } from './community/community-volunteering.resolver.js';
import { HoursLedgerReader } from './hours-ledger/hours-ledger-reader.js';
import { HoursLedgerQueriesResolver } from './hours-ledger/hours-ledger.resolver.js';
import { IssueServiceCertificateHandler } from './hours-ledger/issue-service-certificate/issue-service-certificate.handler.js';
import { IssueServiceCertificateResolver } from './hours-ledger/issue-service-certificate/issue-service-certificate.resolver.js';
import { RecordServiceHoursHandler } from './hours-ledger/record-service-hours/record-service-hours.handler.js';
import { RecordServiceHoursResolver } from './hours-ledger/record-service-hours/record-service-hours.resolver.js';
import type { VolunteersConfig } from './infrastructure/config.js';
import { CONTEXT, volunteersInfrastructure } from './infrastructure/volunteers-infrastructure.js';
import { CheckInVolunteerHandler } from './opportunity/check-in-volunteer/check-in-volunteer.handler.js';
import { CheckInVolunteerResolver } from './opportunity/check-in-volunteer/check-in-volunteer.resolver.js';
import { CheckOutVolunteerHandler } from './opportunity/check-out-volunteer/check-out-volunteer.handler.js';
import { CheckOutVolunteerResolver } from './opportunity/check-out-volunteer/check-out-volunteer.resolver.js';
import { CompleteServiceOpportunityHandler } from './opportunity/complete-service-opportunity/complete-service-opportunity.handler.js';
import { CompleteServiceOpportunityResolver } from './opportunity/complete-service-opportunity/complete-service-opportunity.resolver.js';
import { OpportunityCommands } from './opportunity/opportunity-commands.js';
import { OpportunityReader } from './opportunity/opportunity-reader.js';
import { OpportunityQueriesResolver } from './opportunity/opportunity.resolver.js';
import { PublishServiceOpportunityHandler } from './opportunity/publish-service-opportunity/publish-service-opportunity.handler.js';
import { PublishServiceOpportunityResolver } from './opportunity/publish-service-opportunity/publish-service-opportunity.resolver.js';
import { SignUpForOpportunityHandler } from './opportunity/sign-up-for-opportunity/sign-up-for-opportunity.handler.js';
import { SignUpForOpportunityResolver } from './opportunity/sign-up-for-opportunity/sign-up-for-opportunity.resolver.js';
import { WithdrawFromOpportunityHandler } from './opportunity/withdraw-from-opportunity/withdraw-from-opportunity.handler.js';
import { WithdrawFromOpportunityResolver } from './opportunity/withdraw-from-opportunity/withdraw-from-opportunity.resolver.js';
import { VerifyServiceHoursHandler } from './opportunity/verify-service-hours/verify-service-hours.handler.js';
import { VerifyServiceHoursResolver } from './opportunity/verify-service-hours/verify-service-hours.resolver.js';
import { FormVolunteerTeamHandler } from './team/form-volunteer-team/form-volunteer-team.handler.js';
import { FormVolunteerTeamResolver } from './team/form-volunteer-team/form-volunteer-team.resolver.js';
import { JoinVolunteerTeamHandler } from './volunteer/join-volunteer-team/join-volunteer-team.handler.js';
import { JoinVolunteerTeamResolver } from './volunteer/join-volunteer-team/join-volunteer-team.resolver.js';
import { LeaveVolunteerTeamHandler } from './volunteer/leave-volunteer-team/leave-volunteer-team.handler.js';
import { RecordVolunteerTrainingHandler } from './volunteer/record-volunteer-training/record-volunteer-training.handler.js';
import { RecordVolunteerTrainingResolver } from './volunteer/record-volunteer-training/record-volunteer-training.resolver.js';
import { RegisterVolunteerHandler } from './volunteer/register-volunteer/register-volunteer.handler.js';
import { RegisterVolunteerResolver } from './volunteer/register-volunteer/register-volunteer.resolver.js';
import { ReinstateVolunteerHandler } from './volunteer/reinstate-volunteer/reinstate-volunteer.handler.js';
import { ReinstateVolunteerResolver } from './volunteer/reinstate-volunteer/reinstate-volunteer.resolver.js';
import { SuspendVolunteerHandler } from './volunteer/suspend-volunteer/suspend-volunteer.handler.js';
import { SuspendVolunteerResolver } from './volunteer/suspend-volunteer/suspend-volunteer.resolver.js';
import { VolunteerCommands } from './volunteer/volunteer-commands.js';
import { VolunteerReader } from './volunteer/volunteer-reader.js';
import { VolunteerQueriesResolver } from './volunteer/volunteer.resolver.js';
import { WORKFLOWS } from './workflows/index.js';

export { CONTEXT };

export const COMMAND_HANDLERS = [
  RegisterVolunteerHandler,
  JoinVolunteerTeamHandler,
  LeaveVolunteerTeamHandler,
  RecordVolunteerTrainingHandler,
  SuspendVolunteerHandler,
  ReinstateVolunteerHandler,
  FormVolunteerTeamHandler,
  PublishServiceOpportunityHandler,
  SignUpForOpportunityHandler,
  WithdrawFromOpportunityHandler,
  CheckInVolunteerHandler,
  CheckOutVolunteerHandler,
  CompleteServiceOpportunityHandler,
  VerifyServiceHoursHandler,
  RecordServiceHoursHandler,
  IssueServiceCertificateHandler,
];

const RESOLVERS = [
  RegisterVolunteerResolver,
  JoinVolunteerTeamResolver,
  RecordVolunteerTrainingResolver,
  SuspendVolunteerResolver,
  ReinstateVolunteerResolver,
  FormVolunteerTeamResolver,
  PublishServiceOpportunityResolver,
  SignUpForOpportunityResolver,
  WithdrawFromOpportunityResolver,
  CheckInVolunteerResolver,
  CheckOutVolunteerResolver,
  CompleteServiceOpportunityResolver,
  VerifyServiceHoursResolver,
  RecordServiceHoursResolver,
  IssueServiceCertificateResolver,
  VolunteerQueriesResolver,
  OpportunityQueriesResolver,
  HoursLedgerQueriesResolver,
  CommunityVolunteeringResolver,
];

const SHARED = [VolunteerReader, VolunteerCommands, OpportunityReader, OpportunityCommands, HoursLedgerReader];

/**
 * The command side: what the demo loader boots alone (no HTTP, no GraphQL, no workflows). The service passes its
 * workflows, which act through these commands.
 */
@Module({})
export class VolunteersCommandsModule {
  static forRoot(config: VolunteersConfig, { workflows = [] }: { workflows?: readonly Type<Workflow>[] } = {}): DynamicModule {
    return {
      module: VolunteersCommandsModule,
      imports: [CqrsModule.forRoot(), volunteersInfrastructure(config, { workflows })],
      providers: [...SHARED, ...COMMAND_HANDLERS],
      exports: SHARED,
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: VolunteersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [VolunteersCommandsModule.forRoot(config, { workflows: WORKFLOWS }), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: [...RESOLVERS],
    };
  }
}
