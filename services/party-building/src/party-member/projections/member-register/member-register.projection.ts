import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';
import { advanceRow } from '../../../infrastructure/projection-sql.js';

/**
 * One row per party member: their latest community registration (报到). A member who moves house ends one
 * registration and registers elsewhere, and the row follows them. Name and phone stay encrypted.
 */
export const memberRegisterProjection: Projection = {
  name: 'member-register',
  version: 1,
  tables: ['party_members'],
  eventTypes: ['PartyMemberRegisteredAtCommunity', 'PartyMemberCommunityRegistrationEnded'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.party_members} (
        member_id text primary key, community_id text not null, name jsonb not null, phone jsonb not null,
        membership_organisation text not null, household_id text, registered_at timestamptz not null,
        ended_at timestamptz, end_reason text, stream_version int not null);
      create index on ${t.party_members} (community_id) where ended_at is null;`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      switch (event.type) {
        case 'PartyMemberRegisteredAtCommunity':
          await client.query(
            `insert into ${t.party_members} (member_id, community_id, name, phone, membership_organisation, household_id, registered_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (member_id) do update set
               community_id = excluded.community_id, name = excluded.name, phone = excluded.phone,
               membership_organisation = excluded.membership_organisation, household_id = excluded.household_id,
               registered_at = excluded.registered_at, ended_at = null, end_reason = null, stream_version = excluded.stream_version
             where ${t.party_members}.stream_version < excluded.stream_version`,
            [d.memberId, d.communityId, JSON.stringify(d.name), JSON.stringify(d.phone), d.membershipOrganisation, d.householdId, d.registeredAt, event.streamVersion],
          );
          break;
        case 'PartyMemberCommunityRegistrationEnded':
          if (await advanceRow(client, t.party_members!, 'member_id', d.memberId, event.streamVersion)) {
            await client.query(`update ${t.party_members} set ended_at = $2, end_reason = $3 where member_id = $1`, [d.memberId, d.endedAt, d.reason]);
          }
          break;
      }
    }
  },
};
