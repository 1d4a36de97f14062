import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule } from '@cogov/service-kit';
import { CommunityPartyFactsResolver } from './community/community-party-facts.resolver.js';
import { AssignHouseholdContactHandler } from './household-contact/assign-household-contact/assign-household-contact.handler.js';
import { AssignHouseholdContactResolver } from './household-contact/assign-household-contact/assign-household-contact.resolver.js';
import { HouseholdContactReader } from './household-contact/household-contact.reader.js';
import { HouseholdContactsResolver } from './household-contact/projections/household-contacts/household-contacts.resolver.js';
import { RecordContactVisitHandler } from './household-contact/record-contact-visit/record-contact-visit.handler.js';
import { RecordContactVisitResolver } from './household-contact/record-contact-visit/record-contact-visit.resolver.js';
import type { PartyBuildingConfig } from './infrastructure/config.js';
import { CONTEXT, partyBuildingInfrastructure } from './infrastructure/party-building-infrastructure.js';
import { ActivityLogResolver } from './party-activity/projections/activity-log/activity-log.resolver.js';
import { RecordPartyActivityHeldHandler } from './party-activity/record-party-activity-held/record-party-activity-held.handler.js';
import { RecordPartyActivityHeldResolver } from './party-activity/record-party-activity-held/record-party-activity-held.resolver.js';
import { CreditPartyMemberServiceHoursHandler } from './party-member/credit-party-member-service-hours/credit-party-member-service-hours.handler.js';
import { EndPartyMemberCommunityRegistrationHandler } from './party-member/end-party-member-community-registration/end-party-member-community-registration.handler.js';
import { EndPartyMemberCommunityRegistrationResolver } from './party-member/end-party-member-community-registration/end-party-member-community-registration.resolver.js';
import { PartyMemberReader } from './party-member/party-member.reader.js';
import { MemberRegisterResolver } from './party-member/projections/member-register/member-register.resolver.js';
import { RegisterPartyMemberAtCommunityHandler } from './party-member/register-party-member-at-community/register-party-member-at-community.handler.js';
import { RegisterPartyMemberAtCommunityResolver } from './party-member/register-party-member-at-community/register-party-member-at-community.resolver.js';
import { AppointFirstSecretaryHandler } from './party-organisation/appoint-first-secretary/appoint-first-secretary.handler.js';
import { AppointFirstSecretaryResolver } from './party-organisation/appoint-first-secretary/appoint-first-secretary.resolver.js';
import { AppointPartTimeCadreHandler } from './party-organisation/appoint-part-time-cadre/appoint-part-time-cadre.handler.js';
import { AppointPartTimeCadreResolver } from './party-organisation/appoint-part-time-cadre/appoint-part-time-cadre.resolver.js';
import { EstablishPartyOrganisationHandler } from './party-organisation/establish-party-organisation/establish-party-organisation.handler.js';
import { EstablishPartyOrganisationResolver } from './party-organisation/establish-party-organisation/establish-party-organisation.resolver.js';
import { OpenPartyMassesServiceCentreHandler } from './party-organisation/open-party-masses-service-centre/open-party-masses-service-centre.handler.js';
import { OpenPartyMassesServiceCentreResolver } from './party-organisation/open-party-masses-service-centre/open-party-masses-service-centre.resolver.js';
import { PartyOrganisationCommands } from './party-organisation/party-organisation-commands.js';
import { PartyOrganisationReader } from './party-organisation/party-organisation.reader.js';
import { OrganisationRosterResolver } from './party-organisation/projections/organisation-roster/organisation-roster.resolver.js';
import { WORKFLOWS } from './workflows/index.js';

export { CONTEXT };

export const COMMAND_HANDLERS = [
  EstablishPartyOrganisationHandler,
  AppointFirstSecretaryHandler,
  AppointPartTimeCadreHandler,
  OpenPartyMassesServiceCentreHandler,
  RegisterPartyMemberAtCommunityHandler,
  EndPartyMemberCommunityRegistrationHandler,
  CreditPartyMemberServiceHoursHandler,
  AssignHouseholdContactHandler,
  RecordContactVisitHandler,
  RecordPartyActivityHeldHandler,
];

const RESOLVERS = [
  EstablishPartyOrganisationResolver,
  AppointFirstSecretaryResolver,
  AppointPartTimeCadreResolver,
  OpenPartyMassesServiceCentreResolver,
  RegisterPartyMemberAtCommunityResolver,
  EndPartyMemberCommunityRegistrationResolver,
  AssignHouseholdContactResolver,
  RecordContactVisitResolver,
  RecordPartyActivityHeldResolver,
  OrganisationRosterResolver,
  MemberRegisterResolver,
  HouseholdContactsResolver,
  ActivityLogResolver,
  CommunityPartyFactsResolver,
];

/** The command side alone: what the demo loader boots (no HTTP, no GraphQL). */
@Module({})
export class PartyBuildingCommandsModule {
  static forRoot(config: PartyBuildingConfig): DynamicModule {
    return {
      module: PartyBuildingCommandsModule,
      imports: [CqrsModule.forRoot(), partyBuildingInfrastructure(config, { workflows: WORKFLOWS })],
      providers: [PartyOrganisationCommands, ...COMMAND_HANDLERS],
      exports: [PartyOrganisationCommands],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: PartyBuildingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PartyBuildingCommandsModule.forRoot(config), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: [PartyOrganisationReader, PartyMemberReader, HouseholdContactReader, ...RESOLVERS],
    };
  }
}
