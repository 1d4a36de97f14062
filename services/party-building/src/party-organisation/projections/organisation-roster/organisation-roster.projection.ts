import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';
import { advanceRow } from '../../../infrastructure/projection-sql.js';

/**
 * The party organisations of each community with their first secretary, part-time cadres and service
 * centres. Names of people stay encrypted (jsonb) and are decrypted per query, so erasing a person's key
 * erases them here too.
 */
export const organisationRosterProjection: Projection = {
  name: 'organisation-roster',
  version: 1,
  tables: ['party_organisations', 'party_cadres', 'party_service_centres'],
  eventTypes: ['PartyOrganisationEstablished', 'FirstSecretaryAppointed', 'PartTimeCadreAppointed', 'PartTimeCadreReleased', 'PartyMassesServiceCentreOpened'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.party_organisations} (
        organisation_id text primary key, community_id text not null, kind text not null, name text not null,
        parent_organisation_id text, host_unit_id text, established_at timestamptz not null,
        secretary_id text, secretary_name jsonb, sending_unit_id text, secretary_appointed_at timestamptz,
        stream_version int not null);
      create index on ${t.party_organisations} (community_id);
      create table ${t.party_cadres} (
        organisation_id text not null, cadre_id text not null, community_id text not null, name jsonb not null,
        paired_unit_id text not null, appointed_at timestamptz not null, released_at timestamptz,
        primary key (organisation_id, cadre_id));
      create table ${t.party_service_centres} (
        centre_id text primary key, organisation_id text not null, community_id text not null, kind text not null,
        name text not null, address text not null, opened_at timestamptz not null);
      create index on ${t.party_service_centres} (organisation_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      if (event.type === 'PartyOrganisationEstablished') {
        await client.query(
          `insert into ${t.party_organisations} (organisation_id, community_id, kind, name, parent_organisation_id, host_unit_id, established_at, stream_version)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (organisation_id) do nothing`,
          [d.organisationId, d.communityId, d.kind, d.name, d.parentOrganisationId, d.hostUnitId, d.establishedAt, event.streamVersion],
        );
        continue;
      }
      if (!(await advanceRow(client, t.party_organisations!, 'organisation_id', d.organisationId, event.streamVersion))) continue;
      switch (event.type) {
        case 'FirstSecretaryAppointed':
          await client.query(
            `update ${t.party_organisations} set secretary_id = $2, secretary_name = $3, sending_unit_id = $4, secretary_appointed_at = $5
             where organisation_id = $1`,
            [d.organisationId, d.secretaryId, JSON.stringify(d.name), d.sendingUnitId, d.appointedAt],
          );
          break;
        case 'PartTimeCadreAppointed':
          await client.query(
            `insert into ${t.party_cadres} (organisation_id, cadre_id, community_id, name, paired_unit_id, appointed_at)
             values ($1, $2, $3, $4, $5, $6)
             on conflict (organisation_id, cadre_id) do update
               set name = excluded.name, paired_unit_id = excluded.paired_unit_id, appointed_at = excluded.appointed_at, released_at = null`,
            [d.organisationId, d.cadreId, d.communityId, JSON.stringify(d.name), d.pairedUnitId, d.appointedAt],
          );
          break;
        case 'PartTimeCadreReleased':
          await client.query(`update ${t.party_cadres} set released_at = $3 where organisation_id = $1 and cadre_id = $2`, [
            d.organisationId,
            d.cadreId,
            d.releasedAt,
          ]);
          break;
        case 'PartyMassesServiceCentreOpened':
          await client.query(
            `insert into ${t.party_service_centres} (centre_id, organisation_id, community_id, kind, name, address, opened_at)
             values ($1, $2, $3, $4, $5, $6, $7) on conflict (centre_id) do nothing`,
            [d.centreId, d.organisationId, d.communityId, d.kind, d.name, d.address, d.openedAt],
          );
          break;
      }
    }
  },
};
