import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per pairing, for a community's pairings and the Community extension: pledge and disbursed total in
 * fen, activities with their staff and resident participants summed, the monthly themes, the reviews and how
 * the pairing ended. v2 added the reviews and the end.
 */
export const communityPairingsProjection: Projection = {
  name: 'community-pairings',
  version: 2,
  tables: ['community_pairings'],
  eventTypes: [
    'CoBuildingPairingEstablished',
    'PairingPledgeAmended',
    'PairingMonthlyThemeSet',
    'PairingActivityHeld',
    'PairingSupportFundDisbursed',
    'PairingReviewed',
    'PairingEnded',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.community_pairings} (
        pairing_id text primary key, organisation_id text not null, community_id text not null,
        status text not null, commitments jsonb not null,
        pledged_fen bigint not null, disbursed_total_fen bigint not null default 0,
        activities_count int not null default 0, staff_participants int not null default 0,
        resident_participants int not null default 0, themes jsonb not null default '{}'::jsonb,
        reviews jsonb not null default '{}'::jsonb, established_on text not null, ended_on text, end_reason text,
        stream_version int not null);
      create index on ${t.community_pairings} (community_id, established_on, pairing_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      const table = t.community_pairings;
      // Redelivery-proof: counters only move with a newer stream version.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where pairing_id = $1 and stream_version < $2`, [
          d.pairingId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'CoBuildingPairingEstablished':
          await client.query(
            `insert into ${table} (pairing_id, organisation_id, community_id, status, commitments, pledged_fen, established_on, stream_version)
             values ($1, $2, $3, 'active', $4, $5, $6, $7) on conflict (pairing_id) do nothing`,
            [d.pairingId, d.organisationId, d.communityId, JSON.stringify(d.commitments), d.pledgedFen, d.establishedOn, event.streamVersion],
          );
          break;
        case 'PairingPledgeAmended':
          await update(`pledged_fen = $3`, [d.pledgedFen]);
          break;
        case 'PairingMonthlyThemeSet':
          await update(`themes = themes || jsonb_build_object($3::text, $4::text)`, [d.month, d.theme]);
          break;
        case 'PairingActivityHeld':
          await update(
            `activities_count = activities_count + 1, staff_participants = staff_participants + $3, resident_participants = resident_participants + $4`,
            [d.staffCount, d.residentCount],
          );
          break;
        case 'PairingSupportFundDisbursed':
          await update(`disbursed_total_fen = $3`, [d.disbursedTotalFen]);
          break;
        case 'PairingReviewed':
          await update(`reviews = reviews || jsonb_build_object($3::text, jsonb_build_object('rating', $4::text, 'comments', $5::text))`, [
            d.period,
            d.rating,
            d.comments,
          ]);
          break;
        case 'PairingEnded':
          // The Asia/Shanghai date of the end, as established_on is.
          await update(`status = 'ended', ended_on = to_char($3::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), end_reason = $4`, [
            d.endedAt,
            d.reason,
          ]);
          break;
      }
    }
  },
};
