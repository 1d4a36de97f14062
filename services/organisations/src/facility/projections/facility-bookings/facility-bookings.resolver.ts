import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { SharedFacilityType, facilityFromRows } from '../../facility.graphql.js';
import { FacilityBookingRow, SharedFacilityRow } from './facility-bookings.entities.js';

/** A shared facility with its bookings, for whoever covers the facility's community. */
@Resolver()
export class FacilityBookingsResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => SharedFacilityType)
  async facility(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<SharedFacilityType> {
    const em = this.readModels.em();
    const row = await em.findOne(SharedFacilityRow, { facilityId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('shared facility', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`shared facility ${id} is outside your jurisdiction`);
    }
    const bookings = await em.find(FacilityBookingRow, { facilityId: row.facilityId }, { orderBy: [{ startsAt: 'asc' }, { bookingId: 'asc' }] });
    return facilityFromRows(row, bookings);
  }
}
