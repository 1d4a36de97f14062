import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule } from '@cogov/service-kit';
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
import { OpportunityCommands } from './opportunity/opportunity-commands.js';
import { OpportunityReader } from './opportunity/opportunity-reader.js';
import { OpportunityQueriesResolver } from './opportunity/opportunity.resolver.js';
import { PublishServiceOpportunityHandler } from './opportunity/publish-service-opportunity/publish-service-opportunity.handler.js';
import { PublishServiceOpportunityResolver } from './opportunity/publish-service-opportunity/publish-service-opportunity.resolver.js';
import { SignUpForOpportunityHandler } from './opportunity/sign-up-for-opportunity/sign-up-for-opportunity.handler.js';
import { SignUpForOpportunityResolver } from './opportunity/sign-up-for-opportunity/sign-up-for-opportunity.resolver.js';
import { VerifyServiceHoursHandler } from './opportunity/verify-service-hours/verify-service-hours.handler.js';
import { VerifyServiceHoursResolver } from './opportunity/verify-service-hours/verify-service-hours.resolver.js';
import { FormVolunteerTeamHandler } from './team/form-volunteer-team/form-volunteer-team.handler.js';
import { FormVolunteerTeamResolver } from './team/form-volunteer-team/form-volunteer-team.resolver.js';
import { JoinVolunteerTeamHandler } from './volunteer/join-volunteer-team/join-volunteer-team.handler.js';
import { JoinVolunteerTeamResolver } from './volunteer/join-volunteer-team/join-volunteer-team.resolver.js';
import { RegisterVolunteerHandler } from './volunteer/register-volunteer/register-volunteer.handler.js';
import { RegisterVolunteerResolver } from './volunteer/register-volunteer/register-volunteer.resolver.js';
import { VolunteerReader } from './volunteer/volunteer-reader.js';
import { VolunteerQueriesResolver } from './volunteer/volunteer.resolver.js';

export { CONTEXT };

const COMMAND_HANDLERS = [
  RegisterVolunteerHandler,
  JoinVolunteerTeamHandler,
  FormVolunteerTeamHandler,
  PublishServiceOpportunityHandler,
  SignUpForOpportunityHandler,
  CheckInVolunteerHandler,
  CheckOutVolunteerHandler,
  VerifyServiceHoursHandler,
  RecordServiceHoursHandler,
  IssueServiceCertificateHandler,
];

const RESOLVERS = [
  RegisterVolunteerResolver,
  JoinVolunteerTeamResolver,
  FormVolunteerTeamResolver,
  PublishServiceOpportunityResolver,
  SignUpForOpportunityResolver,
  CheckInVolunteerResolver,
  CheckOutVolunteerResolver,
  VerifyServiceHoursResolver,
  RecordServiceHoursResolver,
  IssueServiceCertificateResolver,
  VolunteerQueriesResolver,
  OpportunityQueriesResolver,
  HoursLedgerQueriesResolver,
  CommunityVolunteeringResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: VolunteersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), volunteersInfrastructure(config), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: [VolunteerReader, OpportunityReader, OpportunityCommands, HoursLedgerReader, ...COMMAND_HANDLERS, ...RESOLVERS],
    };
  }
}
