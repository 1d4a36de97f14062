import type { DynamicModule } from '@nestjs/common';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceInfrastructureModule } from '@cogov/service-kit';
import { FacilityBookingRow, SharedFacilityRow } from '../facility/projections/facility-bookings/facility-bookings.entities.js';
import { facilityBookingsProjection } from '../facility/projections/facility-bookings/facility-bookings.projection.js';
import { OrganisationRow } from '../organisation/projections/organisation-directory/organisation-directory.entity.js';
import { organisationDirectoryProjection } from '../organisation/projections/organisation-directory/organisation-directory.projection.js';
import { createPairingDecider } from '../pairing/pairing.decide.js';
import { createPairingPolicy } from '../pairing/pairing-policy.js';
import { PairingRow } from '../pairing/projections/community-pairings/community-pairings.entity.js';
import { communityPairingsProjection } from '../pairing/projections/community-pairings/community-pairings.projection.js';
import type { OrganisationsConfig } from './config.js';

export const CONTEXT = 'organisations';
export const PROJECTIONS: readonly Projection[] = [organisationDirectoryProjection, communityPairingsProjection, facilityBookingsProjection];
/** The pairing decider with the configured minimum pledge. */
export const PAIRING_DECIDER = Symbol('PairingDecider');

/**
 * The kit's infrastructure with the organisations' read side and pairing policy. Communities' streets (for
 * street-wide roles) come from the residents' CommunityRegistered on Kafka (the kit's community directory).
 */
export function organisationsInfrastructure(config: OrganisationsConfig): DynamicModule {
  return ServiceInfrastructureModule.forRoot({
    context: CONTEXT,
    config,
    projections: PROJECTIONS,
    readModelEntities: [OrganisationRow, PairingRow, SharedFacilityRow, FacilityBookingRow],
    communityDirectory: true,
    // The credit-code reservation is how registration keeps codes unique; it has no public contract.
    internalEventTypes: ['OrganisationCreditCodeReserved'],
    providers: [
      {
        provide: PAIRING_DECIDER,
        useFactory: () => createPairingDecider(createPairingPolicy({ minimumPledgeFen: config.minimumPledgeFen })),
      },
    ],
  });
}
