import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/** Shared facilities with their opening hours, and every booking of each (cancelled ones kept). */
export const facilityBookingsProjection: Projection = {
  name: 'facility-bookings',
  version: 1,
  tables: ['shared_facilities', 'facility_bookings'],
  eventTypes: [
    'SharedFacilityOffered',
    'SharedFacilityOpeningHoursChanged',
    'SharedFacilityBooked',
    'SharedFacilityBookingCancelled',
    'SharedFacilityWithdrawn',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.shared_facilities} (
        facility_id text primary key, organisation_id text not null, community_id text not null,
        kind text not null, name text not null, address text not null, capacity int not null,
        opening_hours jsonb not null, status text not null, stream_version int not null);
      create index on ${t.shared_facilities} (community_id);
      create table ${t.facility_bookings} (
        booking_id text primary key, facility_id text not null, community_id text not null,
        booked_by_kind text not null, booked_by_id text not null, purpose text not null, attendees int not null,
        starts_at timestamptz not null, ends_at timestamptz not null, status text not null,
        booked_at timestamptz not null, cancelled_at timestamptz, cancel_reason text);
      create index on ${t.facility_bookings} (facility_id, starts_at);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: the facility row only moves forward; bookings are keyed by their id.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${t.shared_facilities} set ${set}, stream_version = $2 where facility_id = $1 and stream_version < $2`, [
          d.facilityId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'SharedFacilityOffered':
          await client.query(
            `insert into ${t.shared_facilities} (facility_id, organisation_id, community_id, kind, name, address, capacity, opening_hours, status, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'offered', $9) on conflict (facility_id) do nothing`,
            [d.facilityId, d.organisationId, d.communityId, d.kind, d.name, d.address, d.capacity, JSON.stringify(d.openingHours), event.streamVersion],
          );
          break;
        case 'SharedFacilityOpeningHoursChanged':
          await update(`opening_hours = $3`, [JSON.stringify(d.openingHours)]);
          break;
        case 'SharedFacilityBooked': {
          const booker = d.bookedBy as { kind: string; id: string };
          await client.query(
            `insert into ${t.facility_bookings} (booking_id, facility_id, community_id, booked_by_kind, booked_by_id, purpose, attendees,
               starts_at, ends_at, status, booked_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10) on conflict (booking_id) do nothing`,
            [d.bookingId, d.facilityId, d.communityId, booker.kind, booker.id, d.purpose, d.attendees, d.startsAt, d.endsAt, d.bookedAt],
          );
          break;
        }
        case 'SharedFacilityBookingCancelled':
          await client.query(
            `update ${t.facility_bookings} set status = 'cancelled', cancelled_at = $2, cancel_reason = $3 where booking_id = $1 and status = 'booked'`,
            [d.bookingId, d.cancelledAt, d.reason],
          );
          break;
        case 'SharedFacilityWithdrawn':
          await update(`status = 'withdrawn'`, []);
          break;
      }
    }
  },
};
