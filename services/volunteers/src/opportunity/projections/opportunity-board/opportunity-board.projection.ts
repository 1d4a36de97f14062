import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per service opportunity and one per volunteer taking part in it. Every event is of the
 * opportunity's stream, so the opportunity row's version guards the sign-up rows too (redelivery-proof).
 */
export const opportunityBoardProjection: Projection = {
  name: 'opportunity-board',
  // v2: completion (ServiceOpportunityCompleted).
  version: 2,
  tables: ['opportunities', 'opportunity_sign_ups'],
  eventTypes: [
    'ServiceOpportunityPublished',
    'VolunteerSignedUp',
    'VolunteerWithdrewFromOpportunity',
    'VolunteerCheckedIn',
    'VolunteerCheckedOut',
    'OpportunityServiceHoursVerified',
    'ServiceOpportunityCancelled',
    'ServiceOpportunityCompleted',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.opportunities} (
        opportunity_id text primary key, community_id text not null,
        source_kind text not null, source_id text, team_id text,
        title text not null, content text not null, place text not null, organising_unit text not null,
        person_in_charge_id text not null, person_in_charge_name jsonb not null,
        starts_at timestamptz not null, ends_at timestamptz not null, capacity int not null,
        status text not null, published_at timestamptz not null, stream_version int not null);
      create index on ${t.opportunities} (community_id, starts_at);
      create table ${t.opportunity_sign_ups} (
        opportunity_id text not null, volunteer_id text not null, stage text not null,
        signed_up_at timestamptz not null, checked_in_at timestamptz, checked_out_at timestamptz,
        minutes_present int, served_minutes int, verified_by text, verified_at timestamptz,
        primary key (opportunity_id, volunteer_id));
      create index on ${t.opportunity_sign_ups} (volunteer_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      if (event.type === 'ServiceOpportunityPublished') {
        const source = d.source as { kind: string; id: string | null };
        await client.query(
          `insert into ${t.opportunities} (opportunity_id, community_id, source_kind, source_id, team_id, title, content, place,
             organising_unit, person_in_charge_id, person_in_charge_name, starts_at, ends_at, capacity, status, published_at, stream_version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'published', $15, $16) on conflict (opportunity_id) do nothing`,
          [
            d.opportunityId,
            d.communityId,
            source.kind,
            source.id,
            d.teamId,
            d.title,
            d.content,
            d.place,
            d.organisingUnit,
            d.personInChargeId,
            JSON.stringify(d.personInChargeName),
            d.startsAt,
            d.endsAt,
            d.capacity,
            d.publishedAt,
            event.streamVersion,
          ],
        );
        continue;
      }
      const moved = await client.query(
        `update ${t.opportunities} set stream_version = $2 ${
          event.type === 'ServiceOpportunityCancelled' ? ", status = 'cancelled'" : event.type === 'ServiceOpportunityCompleted' ? ", status = 'completed'" : ''
        }
         where opportunity_id = $1 and stream_version < $2`,
        [d.opportunityId, event.streamVersion],
      );
      if (moved.rowCount !== 1) continue;
      const participant = (set: string, values: unknown[]) =>
        client.query(`update ${t.opportunity_sign_ups} set ${set} where opportunity_id = $1 and volunteer_id = $2`, [
          d.opportunityId,
          d.volunteerId,
          ...values,
        ]);
      switch (event.type) {
        case 'VolunteerSignedUp':
          await client.query(
            `insert into ${t.opportunity_sign_ups} (opportunity_id, volunteer_id, stage, signed_up_at) values ($1, $2, 'signed_up', $3)
             on conflict (opportunity_id, volunteer_id) do nothing`,
            [d.opportunityId, d.volunteerId, d.signedUpAt],
          );
          break;
        case 'VolunteerWithdrewFromOpportunity':
          await client.query(`delete from ${t.opportunity_sign_ups} where opportunity_id = $1 and volunteer_id = $2`, [d.opportunityId, d.volunteerId]);
          break;
        case 'VolunteerCheckedIn':
          await participant(`stage = 'checked_in', checked_in_at = $3`, [d.checkedInAt]);
          break;
        case 'VolunteerCheckedOut':
          await participant(`stage = 'checked_out', checked_out_at = $3, minutes_present = $4`, [d.checkedOutAt, d.minutesPresent]);
          break;
        case 'OpportunityServiceHoursVerified':
          await participant(`stage = 'verified', served_minutes = $3, verified_by = $4, verified_at = $5`, [d.servedMinutes, d.verifiedBy, d.verifiedAt]);
          break;
      }
    }
  },
};
