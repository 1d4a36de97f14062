import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';
import { advanceRow } from '../../../infrastructure/projection-sql.js';

/**
 * One row per household in contact (分片包户): its contact member (null once released) and its latest
 * visit. Visits may be recorded out of date order, so the latest is the greatest `visited_on`.
 */
export const householdContactsProjection: Projection = {
  name: 'household-contacts',
  version: 1,
  tables: ['household_contacts'],
  eventTypes: ['HouseholdContactAssigned', 'HouseholdContactReleased', 'HouseholdContactVisitRecorded'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.household_contacts} (
        household_id text primary key, community_id text not null, member_id text, assigned_at timestamptz,
        last_visit_on text, last_visit_purpose text, last_visit_member_id text, visit_count int not null default 0,
        stream_version int not null);
      create index on ${t.household_contacts} (community_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      if (event.type === 'HouseholdContactAssigned') {
        await client.query(
          `insert into ${t.household_contacts} (household_id, community_id, member_id, assigned_at, stream_version)
           values ($1, $2, $3, $4, $5)
           on conflict (household_id) do update set member_id = excluded.member_id, assigned_at = excluded.assigned_at,
             stream_version = excluded.stream_version
           where ${t.household_contacts}.stream_version < excluded.stream_version`,
          [d.householdId, d.communityId, d.memberId, d.assignedAt, event.streamVersion],
        );
        continue;
      }
      if (!(await advanceRow(client, t.household_contacts!, 'household_id', d.householdId, event.streamVersion))) continue;
      switch (event.type) {
        case 'HouseholdContactReleased':
          await client.query(`update ${t.household_contacts} set member_id = null, assigned_at = null where household_id = $1`, [d.householdId]);
          break;
        case 'HouseholdContactVisitRecorded':
          await client.query(
            `update ${t.household_contacts} set visit_count = visit_count + 1,
               last_visit_purpose = case when last_visit_on is null or $2 >= last_visit_on then $3 else last_visit_purpose end,
               last_visit_member_id = case when last_visit_on is null or $2 >= last_visit_on then $4 else last_visit_member_id end,
               last_visit_on = greatest(last_visit_on, $2)
             where household_id = $1`,
            [d.householdId, d.visitedOn, d.purpose, d.memberId],
          );
          break;
      }
    }
  },
};
