import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per owners' committee: its preparatory group, then the members elected (and the assembly that
 * elected them), then the filing. A community's compounds with a filed committee are counted from here.
 */
export const ownersCommitteeRegisterProjection: Projection = {
  name: 'owners-committee-register',
  version: 1,
  tables: ['owners_committee_register'],
  eventTypes: ['OwnersCommitteePreparatoryGroupFormed', 'OwnersCommitteeElected', 'OwnersCommitteeFiled'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.owners_committee_register} (
        committee_id text primary key, compound_id text not null, community_id text not null, status text not null,
        preparatory_group_ids jsonb not null, assembly_id text, member_ids jsonb not null default '[]'::jsonb,
        filed_with text, filing_number text,
        formed_at timestamptz not null, elected_at timestamptz, filed_at timestamptz, stream_version int not null);
      create index on ${t.owners_committee_register} (compound_id, formed_at desc);
      create index on ${t.owners_committee_register} (community_id, status);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    const table = t.owners_committee_register;
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where committee_id = $1 and stream_version < $2`, [
          d.committeeId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'OwnersCommitteePreparatoryGroupFormed':
          await client.query(
            `insert into ${table} (committee_id, compound_id, community_id, status, preparatory_group_ids, formed_at, stream_version)
             values ($1, $2, $3, 'preparing', $4, $5, $6) on conflict (committee_id) do nothing`,
            [d.committeeId, d.compoundId, d.communityId, JSON.stringify(d.memberIds), d.formedAt, event.streamVersion],
          );
          break;
        case 'OwnersCommitteeElected':
          await update(`status = 'elected', assembly_id = $3, member_ids = $4::jsonb, elected_at = $5`, [d.assemblyId, JSON.stringify(d.memberIds), d.electedAt]);
          break;
        case 'OwnersCommitteeFiled':
          await update(`status = 'filed', filed_with = $3, filing_number = $4, filed_at = $5`, [d.filedWith, d.filingNumber, d.filedAt]);
          break;
      }
    }
  },
};
