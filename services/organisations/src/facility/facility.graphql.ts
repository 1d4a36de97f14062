import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { FacilityBookingRow, SharedFacilityRow } from './projections/facility-bookings/facility-bookings.entities.js';
import type { FacilityState } from './facility.state.js';

@ObjectType('FacilityOpeningWindow', { description: 'A weekly opening window, Asia/Shanghai wall clock.' })
export class OpeningWindowType {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM' }) opens!: string;
  @Field({ description: 'HH:MM, or 24:00' }) closes!: string;
}

@InputType('FacilityOpeningWindowInput')
export class OpeningWindowInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM' }) opens!: string;
  @Field({ description: 'HH:MM, or 24:00' }) closes!: string;
}

@ObjectType('FacilityBooker')
export class BookerType {
  @Field({ description: 'resident | residents_committee | organisation | volunteer_team | party_organisation | owners_committee' }) kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('FacilityBooking', { description: 'A booking of a shared facility for [startsAt, endsAt).' })
export class FacilityBookingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) facilityId!: string;
  @Field(() => BookerType) bookedBy!: BookerType;
  @Field() purpose!: string;
  @Field(() => Int) attendees!: number;
  @Field({ description: 'UTC ISO-8601' }) startsAt!: string;
  @Field({ description: 'UTC ISO-8601 (exclusive)' }) endsAt!: string;
  @Field({ description: 'booked | cancelled' }) status!: string;
}

@ObjectType('SharedFacility', { description: 'A facility (canteen, sports ground, meeting room …) an organisation opens to residents (共享设施).' })
export class SharedFacilityType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'canteen | sports_ground | meeting_room | activity_room | library | parking | other' }) kind!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field(() => Int) capacity!: number;
  @Field(() => [OpeningWindowType]) openingHours!: OpeningWindowType[];
  @Field({ description: 'offered | withdrawn' }) status!: string;
  @Field(() => [FacilityBookingType], { description: 'Every booking, cancelled ones included, by start.' }) bookings!: FacilityBookingType[];
}

const byStart = (a: FacilityBookingType, b: FacilityBookingType): number => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export function facilityFromState(state: Exclude<FacilityState, { status: 'empty' }>): SharedFacilityType {
  return {
    id: state.facilityId,
    organisationId: state.organisationId,
    communityId: state.communityId,
    kind: state.offer.kind,
    name: state.offer.name,
    address: state.offer.address,
    capacity: state.capacity,
    openingHours: state.openingHours.map((w) => ({ ...w })),
    status: state.status,
    bookings: Object.values(state.bookings)
      .map((b) => ({
        id: b.bookingId,
        facilityId: b.facilityId,
        bookedBy: { ...b.bookedBy },
        purpose: b.purpose,
        attendees: b.attendees,
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        status: b.cancelled ? 'cancelled' : 'booked',
      }))
      .sort(byStart),
  };
}

export function facilityFromRows(row: SharedFacilityRow, bookings: FacilityBookingRow[]): SharedFacilityType {
  return {
    id: row.facilityId,
    organisationId: row.organisationId,
    communityId: row.communityId,
    kind: row.kind,
    name: row.name,
    address: row.address,
    capacity: row.capacity,
    openingHours: row.openingHours,
    status: row.status,
    bookings: bookings
      .map((b) => ({
        id: b.bookingId,
        facilityId: b.facilityId,
        bookedBy: { kind: b.bookedByKind, id: b.bookedById },
        purpose: b.purpose,
        attendees: b.attendees,
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
        status: b.status,
      }))
      .sort(byStart),
  };
}
