import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule } from '@cogov/service-kit';
import { BookSharedFacilityHandler } from './facility/book-shared-facility/book-shared-facility.handler.js';
import { BookSharedFacilityResolver } from './facility/book-shared-facility/book-shared-facility.resolver.js';
import { CancelFacilityBookingHandler } from './facility/cancel-facility-booking/cancel-facility-booking.handler.js';
import { CancelFacilityBookingResolver } from './facility/cancel-facility-booking/cancel-facility-booking.resolver.js';
import { FacilityCommands } from './facility/facility-commands.js';
import { OfferSharedFacilityHandler } from './facility/offer-shared-facility/offer-shared-facility.handler.js';
import { OfferSharedFacilityResolver } from './facility/offer-shared-facility/offer-shared-facility.resolver.js';
import { FacilityBookingsResolver } from './facility/projections/facility-bookings/facility-bookings.resolver.js';
import type { OrganisationsConfig } from './infrastructure/config.js';
import { CONTEXT, organisationsInfrastructure } from './infrastructure/organisations-infrastructure.js';
import { CompleteIncubationHandler } from './organisation/complete-incubation/complete-incubation.handler.js';
import { CompleteIncubationResolver } from './organisation/complete-incubation/complete-incubation.resolver.js';
import { OrganisationDirectoryResolver } from './organisation/projections/organisation-directory/organisation-directory.resolver.js';
import { RecordLegalRegistrationHandler } from './organisation/record-legal-registration/record-legal-registration.handler.js';
import { RecordLegalRegistrationResolver } from './organisation/record-legal-registration/record-legal-registration.resolver.js';
import { RegisterOrganisationHandler } from './organisation/register-organisation/register-organisation.handler.js';
import { RegisterOrganisationResolver } from './organisation/register-organisation/register-organisation.resolver.js';
import { AmendPairingPledgeHandler } from './pairing/amend-pairing-pledge/amend-pairing-pledge.handler.js';
import { AmendPairingPledgeResolver } from './pairing/amend-pairing-pledge/amend-pairing-pledge.resolver.js';
import { DisburseSupportFundHandler } from './pairing/disburse-support-fund/disburse-support-fund.handler.js';
import { DisburseSupportFundResolver } from './pairing/disburse-support-fund/disburse-support-fund.resolver.js';
import { EndPairingHandler } from './pairing/end-pairing/end-pairing.handler.js';
import { EndPairingResolver } from './pairing/end-pairing/end-pairing.resolver.js';
import { EstablishPairingHandler } from './pairing/establish-pairing/establish-pairing.handler.js';
import { EstablishPairingResolver } from './pairing/establish-pairing/establish-pairing.resolver.js';
import { PairingCommands } from './pairing/pairing-commands.js';
import {
  CommunityPairingsExtensionResolver,
  CommunityPairingsResolver,
} from './pairing/projections/community-pairings/community-pairings.resolver.js';
import { RecordPairingActivityHandler } from './pairing/record-pairing-activity/record-pairing-activity.handler.js';
import { RecordPairingActivityResolver } from './pairing/record-pairing-activity/record-pairing-activity.resolver.js';
import { ReviewPairingHandler } from './pairing/review-pairing/review-pairing.handler.js';
import { ReviewPairingResolver } from './pairing/review-pairing/review-pairing.resolver.js';
import { SetMonthlyThemeHandler } from './pairing/set-monthly-theme/set-monthly-theme.handler.js';
import { SetMonthlyThemeResolver } from './pairing/set-monthly-theme/set-monthly-theme.resolver.js';

export { CONTEXT };

export const COMMAND_HANDLERS = [
  RegisterOrganisationHandler,
  CompleteIncubationHandler,
  RecordLegalRegistrationHandler,
  EstablishPairingHandler,
  AmendPairingPledgeHandler,
  SetMonthlyThemeHandler,
  RecordPairingActivityHandler,
  DisburseSupportFundHandler,
  ReviewPairingHandler,
  EndPairingHandler,
  OfferSharedFacilityHandler,
  BookSharedFacilityHandler,
  CancelFacilityBookingHandler,
];

const RESOLVERS = [
  RegisterOrganisationResolver,
  CompleteIncubationResolver,
  RecordLegalRegistrationResolver,
  EstablishPairingResolver,
  AmendPairingPledgeResolver,
  SetMonthlyThemeResolver,
  RecordPairingActivityResolver,
  DisburseSupportFundResolver,
  ReviewPairingResolver,
  EndPairingResolver,
  OfferSharedFacilityResolver,
  BookSharedFacilityResolver,
  CancelFacilityBookingResolver,
  OrganisationDirectoryResolver,
  CommunityPairingsResolver,
  CommunityPairingsExtensionResolver,
  FacilityBookingsResolver,
];

/** The command side alone: what the demo loader boots (no HTTP, no GraphQL). */
@Module({})
export class OrganisationsCommandsModule {
  static forRoot(config: OrganisationsConfig): DynamicModule {
    return {
      module: OrganisationsCommandsModule,
      imports: [CqrsModule.forRoot(), organisationsInfrastructure(config)],
      providers: [PairingCommands, FacilityCommands, ...COMMAND_HANDLERS],
      exports: [PairingCommands, FacilityCommands],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: OrganisationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [OrganisationsCommandsModule.forRoot(config), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: [...RESOLVERS],
    };
  }
}
