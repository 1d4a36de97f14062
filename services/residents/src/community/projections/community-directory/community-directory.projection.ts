import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * The community directory: communities with their grids and workers, households and residents.
 * Personal fields are stored as the events carry them (EncryptedField JSON) and decrypted at query
 * time, so erasing a subject's key blanks them here at once, without touching these rows.
 */
export const communityDirectoryProjection: Projection = {
  name: 'community-directory',
  version: 1,
  tables: ['communities', 'grids', 'households', 'residents'],
  eventTypes: [
    'CommunityRegistered',
    'GridDelineated',
    'GridWorkerAssigned',
    'HouseholdRegistered',
    'ResidentMovedIn',
    'ResidentMovedOut',
    'VulnerableGroupTagged',
    'VulnerableGroupUntagged',
    'ResidentPersonalDataErased',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.communities} (
        id text primary key, name text not null, street_id text not null, street_name text not null,
        households_count int not null default 0, residents_count int not null default 0,
        registered_at timestamptz not null);
      create table ${t.grids} (
        id text primary key, community_id text not null, name text not null,
        worker_id text, worker_name jsonb, position int not null);
      create index on ${t.grids} (community_id, position);
      create table ${t.households} (
        id text primary key, community_id text not null, grid_id text not null,
        compound text not null, building text not null, unit text not null, room text not null,
        residents_count int not null default 0, registered_at timestamptz not null);
      create index on ${t.households} (community_id, grid_id);
      create table ${t.residents} (
        id text primary key, community_id text not null, household_id text not null, grid_id text not null,
        name jsonb not null, id_number jsonb not null, phone jsonb not null,
        moved_in_on date not null, moved_out_on date, move_out_reason text,
        -- Tag and untag events in order: each carries a fresh ciphertext of the tag, so the current set
        -- can only be computed after decryption, at query time.
        tag_changes jsonb not null default '[]'::jsonb,
        erased boolean not null default false,
        position bigint not null);
      create index on ${t.residents} (community_id, position);
      create index on ${t.residents} (household_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      switch (event.type) {
        case 'CommunityRegistered':
          await client.query(
            `insert into ${t.communities} (id, name, street_id, street_name, registered_at) values ($1, $2, $3, $4, $5)
             on conflict (id) do nothing`,
            [d.communityId, d.name, d.streetId, d.streetName, event.metadata.occurredAt],
          );
          break;
        case 'GridDelineated':
          await client.query(
            `insert into ${t.grids} (id, community_id, name, position) values ($1, $2, $3, $4) on conflict (id) do nothing`,
            [d.gridId, d.communityId, d.name, event.globalPosition],
          );
          break;
        case 'GridWorkerAssigned':
          await client.query(`update ${t.grids} set worker_id = $2, worker_name = $3 where id = $1`, [
            d.gridId,
            d.workerId,
            JSON.stringify(d.workerName),
          ]);
          break;
        case 'HouseholdRegistered': {
          const address = d.address as Record<string, string>;
          const { rowCount } = await client.query(
            `insert into ${t.households} (id, community_id, grid_id, compound, building, unit, room, registered_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing`,
            [d.householdId, d.communityId, d.gridId, address.compound, address.building, address.unit, address.room, event.metadata.occurredAt],
          );
          if (rowCount) await client.query(`update ${t.communities} set households_count = households_count + 1 where id = $1`, [d.communityId]);
          break;
        }
        case 'ResidentMovedIn': {
          // A resident may move in again after moving out (the same stream): the row is reused.
          const { rows } = await client.query<{ was_in: boolean | null }>(
            `with old as (select moved_out_on is null as was_in from ${t.residents} where id = $1)
             insert into ${t.residents} (id, community_id, household_id, grid_id, name, id_number, phone, moved_in_on, position)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             on conflict (id) do update set household_id = excluded.household_id, grid_id = excluded.grid_id,
               name = excluded.name, id_number = excluded.id_number, phone = excluded.phone,
               moved_in_on = excluded.moved_in_on, moved_out_on = null, move_out_reason = null
             returning (select was_in from old) as was_in`,
            [d.residentId, d.communityId, d.householdId, d.gridId, JSON.stringify(d.name), JSON.stringify(d.idNumber), JSON.stringify(d.phone), d.movedInOn, event.globalPosition],
          );
          if (rows[0]?.was_in !== true) await countResident(client, t, String(d.communityId), String(d.householdId), +1);
          break;
        }
        case 'ResidentMovedOut': {
          const { rows } = await client.query<{ household_id: string }>(
            `update ${t.residents} set moved_out_on = $2, move_out_reason = $3 where id = $1 and moved_out_on is null returning household_id`,
            [d.residentId, d.movedOutOn, d.reason],
          );
          if (rows[0]) await countResident(client, t, String(d.communityId), rows[0].household_id, -1);
          break;
        }
        case 'VulnerableGroupTagged':
        case 'VulnerableGroupUntagged':
          await client.query(`update ${t.residents} set tag_changes = tag_changes || $2::jsonb where id = $1`, [
            d.residentId,
            JSON.stringify([{ op: event.type === 'VulnerableGroupTagged' ? 'tag' : 'untag', tag: d.tag }]),
          ]);
          break;
        case 'ResidentPersonalDataErased':
          await client.query(`update ${t.residents} set erased = true where id = $1`, [d.residentId]);
          break;
      }
    }
  },
};

async function countResident(client: pg.ClientBase, t: ProjectionTables, communityId: string, householdId: string, delta: number): Promise<void> {
  await client.query(`update ${t.communities} set residents_count = residents_count + $2 where id = $1`, [communityId, delta]);
  await client.query(`update ${t.households} set residents_count = residents_count + $2 where id = $1`, [householdId, delta]);
}
