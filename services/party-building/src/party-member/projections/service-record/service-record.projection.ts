import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * Party members' service records (党员志愿服务记录): one row per credited hours-ledger record, keyed by member and
 * record, so a redelivered batch adds nothing twice. Totals are summed at query time.
 */
export const serviceRecordProjection: Projection = {
  name: 'service-record',
  version: 1,
  tables: ['party_member_service_entries'],
  eventTypes: ['PartyMemberServiceHoursCredited'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.party_member_service_entries} (
        member_id text not null, record_id text not null, community_id text not null, volunteer_id text not null,
        source_kind text not null, source_id text, activity text not null, served_on text not null,
        served_minutes int not null, credited_at timestamptz not null,
        primary key (member_id, record_id));`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      if (event.type !== 'PartyMemberServiceHoursCredited') continue;
      const d = event.data as Record<string, unknown>;
      const source = d.source as { kind: string; id: string | null };
      await client.query(
        `insert into ${t.party_member_service_entries} (member_id, record_id, community_id, volunteer_id, source_kind, source_id, activity,
           served_on, served_minutes, credited_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (member_id, record_id) do nothing`,
        [d.memberId, d.recordId, d.communityId, d.volunteerId, source.kind, source.id, d.activity, d.servedOn, d.servedMinutes, d.creditedAt],
      );
    }
  },
};
