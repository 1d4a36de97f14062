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
import { OrganisationDirectoryResolver } from './organisation/projections/organisation-directory/organisation-directory.resolver.js';
import { RegisterOrganisationHandler } from './organisation/register-organisation/register-organisation.handler.js';
import { RegisterOrganisationResolver } from './organisation/register-organisation/register-organisation.resolver.js';
import { DisburseSupportFundHandler } from './pairing/disburse-support-fund/disburse-support-fund.handler.js';
import { DisburseSupportFundResolver } from './pairing/disburse-support-fund/disburse-support-fund.resolver.js';
import { EstablishPairingHandler } from './pairing/establish-pairing/establish-pairing.handler.js';
import { EstablishPairingResolver } from './pairing/establish-pairing/establish-pairing.resolver.js';
import { PairingCommands } from './pairing/pairing-commands.js';
import {
  CommunityPairingsExtensionResolver,
  CommunityPairingsResolver,
} from './pairing/projections/community-pairings/community-pairings.resolver.js';
import { RecordPairingActivityHandler } from './pairing/record-pairing-activity/record-pairing-activity.handler.js';
import { RecordPairingActivityResolver } from './pairing/record-pairing-activity/record-pairing-activity.resolver.js';
import { SetMonthlyThemeHandler } from './pairing/set-monthly-theme/set-monthly-theme.handler.js';
import { SetMonthlyThemeResolver } from './pairing/set-monthly-theme/set-monthly-theme.resolver.js';

export { CONTEXT };

const COMMAND_HANDLERS = [
  RegisterOrganisationHandler,
  EstablishPairingHandler,
  SetMonthlyThemeHandler,
  RecordPairingActivityHandler,
  DisburseSupportFundHandler,
  OfferSharedFacilityHandler,
  BookSharedFacilityHandler,
  CancelFacilityBookingHandler,
];

const RESOLVERS = [
  RegisterOrganisationResolver,
  EstablishPairingResolver,
  SetMonthlyThemeResolver,
  RecordPairingActivityResolver,
  DisburseSupportFundResolver,
  OfferSharedFacilityResolver,
  BookSharedFacilityResolver,
  CancelFacilityBookingResolver,
  OrganisationDirectoryResolver,
  CommunityPairingsResolver,
  CommunityPairingsExtensionResolver,
  FacilityBookingsResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: OrganisationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        organisationsInfrastructure(config),
        ServiceApiModule.forRoot({ context: CONTEXT, config }),
      ],
      providers: [PairingCommands, FacilityCommands, ...COMMAND_HANDLERS, ...RESOLVERS],
    };
  }
}
