import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/** One row per organisation: its type, incubation stage and credit code, for the directory queries. */
export const organisationDirectoryProjection: Projection = {
  name: 'organisation-directory',
  version: 1,
  tables: ['organisation_directory'],
  eventTypes: ['OrganisationRegistered', 'SocialOrganisationIncubated', 'SocialOrganisationLegallyRegistered'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.organisation_directory} (
        organisation_id text primary key, community_id text not null, name text not null, type text not null,
        credit_code text, incubation_stage text, address text not null, registered_at timestamptz not null,
        stream_version int not null);
      create index on ${t.organisation_directory} (type, name);
      create index on ${t.organisation_directory} (community_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      const table = t.organisation_directory;
      // Redelivery-proof: a row only moves forward.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where organisation_id = $1 and stream_version < $2`, [
          d.organisationId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'OrganisationRegistered':
          await client.query(
            `insert into ${table} (organisation_id, community_id, name, type, credit_code, incubation_stage, address, registered_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (organisation_id) do nothing`,
            [d.organisationId, d.communityId, d.name, d.type, d.creditCode, d.incubationStage, d.address, d.registeredAt, event.streamVersion],
          );
          break;
        case 'SocialOrganisationIncubated':
          await update(`incubation_stage = 'incubated'`, []);
          break;
        case 'SocialOrganisationLegallyRegistered':
          await update(`incubation_stage = 'registered', credit_code = $3`, [d.creditCode]);
          break;
      }
    }
  },
};
