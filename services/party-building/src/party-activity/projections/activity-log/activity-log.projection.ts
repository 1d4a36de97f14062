import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/** The party activities held in each community, by date (an activity is recorded once and never changes). */
export const activityLogProjection: Projection = {
  name: 'activity-log',
  version: 1,
  tables: ['party_activities'],
  eventTypes: ['PartyActivityHeld'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.party_activities} (
        activity_id text primary key, community_id text not null, organisation_id text not null, kind text not null,
        title text not null, held_on text not null, participant_count int not null, registered_member_count int not null,
        recorded_at timestamptz not null);
      create index on ${t.party_activities} (community_id, held_on);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      await client.query(
        `insert into ${t.party_activities} (activity_id, community_id, organisation_id, kind, title, held_on, participant_count, registered_member_count, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (activity_id) do nothing`,
        [d.activityId, d.communityId, d.organisationId, d.kind, d.title, d.heldOn, d.participantCount, d.registeredMemberCount, d.recordedAt],
      );
    }
  },
};
