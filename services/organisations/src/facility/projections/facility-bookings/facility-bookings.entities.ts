import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { OpeningWindow } from '../../facility.events.js';

/** Read-only mapping onto the `shared_facilities` view. */
@Entity({ tableName: 'shared_facilities' })
export class SharedFacilityRow {
  @PrimaryKey({ type: 'string', fieldName: 'facility_id' }) facilityId!: string;
  @Property({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) kind!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string' }) address!: string;
  @Property({ type: 'integer' }) capacity!: number;
  @Property({ type: 'json', fieldName: 'opening_hours' }) openingHours!: OpeningWindow[];
  @Property({ type: 'string' }) status!: string;
}

/** Read-only mapping onto the `facility_bookings` view. */
@Entity({ tableName: 'facility_bookings' })
export class FacilityBookingRow {
  @PrimaryKey({ type: 'string', fieldName: 'booking_id' }) bookingId!: string;
  @Property({ type: 'string', fieldName: 'facility_id' }) facilityId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'booked_by_kind' }) bookedByKind!: string;
  @Property({ type: 'string', fieldName: 'booked_by_id' }) bookedById!: string;
  @Property({ type: 'string' }) purpose!: string;
  @Property({ type: 'integer' }) attendees!: number;
  @Property({ type: 'datetime', fieldName: 'starts_at' }) startsAt!: Date;
  @Property({ type: 'datetime', fieldName: 'ends_at' }) endsAt!: Date;
  @Property({ type: 'string' }) status!: string;
}
