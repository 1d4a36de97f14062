import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per compound: its occupancy, the contract in force with its red-property mark, and the rating of
 * its latest concluded quarterly assessment (learnt from the assessment streams, hence the quarter guard
 * rather than the stream version for that column).
 */
export const compoundDirectoryProjection: Projection = {
  name: 'compound-directory',
  version: 1,
  tables: ['compound_directory'],
  eventTypes: [
    'CompoundRegistered',
    'CompoundOccupancyRecorded',
    'PropertyServiceContractSigned',
    'PropertyServiceContractEnded',
    'CompoundMarkedRedProperty',
    'PropertyServiceAssessmentConcluded',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.compound_directory} (
        compound_id text primary key, community_id text not null, name text not null, enclosure text not null,
        unit_count int not null, floor_area_hundredth_m2 int not null, occupied_unit_count int,
        contract jsonb, red_property_party_organisation_id text,
        latest_assessment_quarter text, latest_assessment_rating text, latest_assessment_score int,
        registered_at timestamptz not null, stream_version int not null);
      create index on ${t.compound_directory} (community_id, name);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    const table = t.compound_directory;
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where compound_id = $1 and stream_version < $2`, [
          d.compoundId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'CompoundRegistered':
          await client.query(
            `insert into ${table} (compound_id, community_id, name, enclosure, unit_count, floor_area_hundredth_m2, registered_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (compound_id) do nothing`,
            [d.compoundId, d.communityId, d.name, d.enclosure, d.unitCount, d.floorAreaHundredthM2, d.registeredAt, event.streamVersion],
          );
          break;
        case 'CompoundOccupancyRecorded':
          await update(`occupied_unit_count = $3`, [d.occupiedUnitCount]);
          break;
        case 'PropertyServiceContractSigned': {
          const contract = {
            contractId: d.contractId,
            companyId: d.companyId,
            companyName: d.companyName,
            unifiedSocialCreditCode: d.unifiedSocialCreditCode,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            signedAt: d.signedAt,
          };
          await update(`contract = $3::jsonb, red_property_party_organisation_id = null`, [JSON.stringify(contract)]);
          break;
        }
        case 'PropertyServiceContractEnded':
          // The red-property mark belongs to the contract and ends with it (compound.state.ts).
          await update(`contract = null, red_property_party_organisation_id = null`, []);
          break;
        case 'CompoundMarkedRedProperty':
          await update(`red_property_party_organisation_id = $3`, [d.partyOrganisationId]);
          break;
        case 'PropertyServiceAssessmentConcluded':
          // `YYYY-Qn` sorts as time does; an older quarter concluded late never hides a newer rating.
          await client.query(
            `update ${table} set latest_assessment_quarter = $2, latest_assessment_rating = $3, latest_assessment_score = $4
             where compound_id = $1 and (latest_assessment_quarter is null or latest_assessment_quarter <= $2)`,
            [d.compoundId, d.quarter, d.rating, d.weightedScoreHundredths],
          );
          break;
      }
    }
  },
};
