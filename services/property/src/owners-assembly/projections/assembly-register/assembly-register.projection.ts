import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per owners' assembly: the roll (unit → owner and area), the candidates of an election, how many
 * units have voted (choices stay in the event log until the count), and the count's whole reasoning once
 * counted (a motion's or an election's, told apart by `seats`).
 */
export const assemblyRegisterProjection: Projection = {
  name: 'assembly-register',
  version: 2,
  tables: ['assembly_register'],
  eventTypes: [
    'OwnersAssemblyConvened',
    'OwnersAssemblyRollEntryRecorded',
    'OwnersAssemblyCandidateNominated',
    'OwnersAssemblyVotingOpened',
    'OwnersAssemblyMotionBallotCast',
    'OwnersAssemblyElectionBallotCast',
    'OwnersAssemblyMotionCounted',
    'OwnersAssemblyElectionCounted',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.assembly_register} (
        assembly_id text primary key, compound_id text not null, community_id text not null,
        matter text not null, motion text not null, seats int, threshold_class text not null, rule jsonb not null,
        status text not null, roll jsonb not null default '{}'::jsonb, candidate_ids jsonb not null default '[]'::jsonb,
        ballots_cast int not null default 0,
        result jsonb, convened_at timestamptz not null, voting_opened_at timestamptz, counted_at timestamptz,
        stream_version int not null);
      create index on ${t.assembly_register} (compound_id, convened_at desc);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    const table = t.assembly_register;
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where assembly_id = $1 and stream_version < $2`, [
          d.assemblyId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'OwnersAssemblyConvened':
          await client.query(
            `insert into ${table} (assembly_id, compound_id, community_id, matter, motion, seats, threshold_class, rule, status, convened_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'convened', $9, $10) on conflict (assembly_id) do nothing`,
            [d.assemblyId, d.compoundId, d.communityId, d.matter, d.motion, d.seats, d.thresholdClass, JSON.stringify(d.rule), d.convenedAt, event.streamVersion],
          );
          break;
        case 'OwnersAssemblyRollEntryRecorded':
          // Keyed by unit: a later entry for the unit replaces the earlier one, as in the aggregate.
          await update(`roll = roll || jsonb_build_object($3::text, jsonb_build_object('ownerId', $4::text, 'areaHundredthM2', $5::int))`, [
            d.unitId,
            d.ownerId,
            d.areaHundredthM2,
          ]);
          break;
        case 'OwnersAssemblyCandidateNominated':
          // In nomination order, as the aggregate keeps them (decide is quiet on a repeat).
          await update(`candidate_ids = candidate_ids || jsonb_build_array($3::text)`, [d.candidateId]);
          break;
        case 'OwnersAssemblyVotingOpened':
          await update(`status = 'voting', voting_opened_at = $3`, [d.openedAt]);
          break;
        case 'OwnersAssemblyMotionBallotCast':
        case 'OwnersAssemblyElectionBallotCast':
          // A unit casts once (decide is quiet on a repeat), so each ballot event is one more unit.
          await update(`ballots_cast = ballots_cast + 1`, []);
          break;
        case 'OwnersAssemblyMotionCounted':
        case 'OwnersAssemblyElectionCounted': {
          const { assemblyId: _a, compoundId: _c, communityId: _m, ...result } = d;
          await update(`status = 'counted', result = $3::jsonb, counted_at = $4`, [JSON.stringify(result), d.countedAt]);
          break;
        }
      }
    }
  },
};
