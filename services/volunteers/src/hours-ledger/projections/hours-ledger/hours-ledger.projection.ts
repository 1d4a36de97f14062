import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * Every volunteer's ledger: its totals and star level, its records (the person in charge's name stays
 * encrypted), and the certificates by verification code — the register the public certificate check reads.
 * The ledger row's version guards the record and certificate rows (redelivery-proof).
 */
export const hoursLedgerProjection: Projection = {
  name: 'hours-ledger',
  version: 1,
  tables: ['hours_ledgers', 'service_records', 'service_certificates'],
  eventTypes: ['ServiceHoursRecorded', 'VolunteerStarLevelReached', 'ServiceCertificateIssued', 'ServiceCertificateRevoked'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.hours_ledgers} (
        volunteer_id text primary key, cumulative_minutes int not null, star_level int not null,
        late_records int not null, stream_version int not null);
      create table ${t.service_records} (
        record_id text primary key, volunteer_id text not null, community_id text not null,
        source_kind text not null, source_id text, activity text not null, served_on text not null,
        place text not null, content text not null, organising_unit text not null,
        person_in_charge_id text not null, person_in_charge_name jsonb not null,
        served_minutes int not null, working_days_to_record int not null, late boolean not null,
        recorded_by text not null, recorded_at timestamptz not null);
      create index on ${t.service_records} (volunteer_id, served_on);
      create index on ${t.service_records} (community_id);
      create table ${t.service_certificates} (
        verification_code text primary key, certificate_id text not null unique, volunteer_id text not null,
        community_id text not null, cumulative_minutes int not null, record_count int not null, star_level int not null,
        issued_by text not null, issued_at timestamptz not null, revoked boolean not null default false, revoked_at timestamptz);
      create index on ${t.service_certificates} (volunteer_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      await client.query(
        `insert into ${t.hours_ledgers} (volunteer_id, cumulative_minutes, star_level, late_records, stream_version)
         values ($1, 0, 0, 0, 0) on conflict (volunteer_id) do nothing`,
        [d.volunteerId],
      );
      const moveLedger = async (set: string, values: unknown[] = []): Promise<boolean> => {
        const result = await client.query(
          `update ${t.hours_ledgers} set ${set}${set ? ', ' : ''}stream_version = $2 where volunteer_id = $1 and stream_version < $2`,
          [d.volunteerId, event.streamVersion, ...values],
        );
        return result.rowCount === 1;
      };
      switch (event.type) {
        case 'ServiceHoursRecorded': {
          if (!(await moveLedger(`cumulative_minutes = $3, late_records = late_records + $4`, [d.cumulativeMinutes, d.late ? 1 : 0]))) break;
          const source = d.source as { kind: string; id: string | null };
          await client.query(
            `insert into ${t.service_records} (record_id, volunteer_id, community_id, source_kind, source_id, activity, served_on, place,
               content, organising_unit, person_in_charge_id, person_in_charge_name, served_minutes, working_days_to_record, late,
               recorded_by, recorded_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) on conflict (record_id) do nothing`,
            [
              d.recordId,
              d.volunteerId,
              d.communityId,
              source.kind,
              source.id,
              d.activity,
              d.servedOn,
              d.place,
              d.content,
              d.organisingUnit,
              d.personInChargeId,
              JSON.stringify(d.personInChargeName),
              d.servedMinutes,
              d.workingDaysToRecord,
              d.late,
              d.recordedBy,
              d.recordedAt,
            ],
          );
          break;
        }
        case 'VolunteerStarLevelReached':
          await moveLedger(`star_level = $3`, [d.starLevel]);
          break;
        case 'ServiceCertificateIssued':
          if (!(await moveLedger(''))) break;
          await client.query(
            `insert into ${t.service_certificates} (verification_code, certificate_id, volunteer_id, community_id, cumulative_minutes,
               record_count, star_level, issued_by, issued_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (verification_code) do nothing`,
            [d.verificationCode, d.certificateId, d.volunteerId, d.communityId, d.cumulativeMinutes, d.recordCount, d.starLevel, d.issuedBy, d.issuedAt],
          );
          break;
        case 'ServiceCertificateRevoked':
          if (!(await moveLedger(''))) break;
          await client.query(`update ${t.service_certificates} set revoked = true, revoked_at = $2 where certificate_id = $1`, [d.certificateId, d.revokedAt]);
          break;
      }
    }
  },
};
