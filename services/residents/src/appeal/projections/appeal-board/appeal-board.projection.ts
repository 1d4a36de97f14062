import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per appeal, for the board, the appeal detail, the escalation scheduler and the monthly
 * metrics. The description stays encrypted (it may describe a resident) and is decrypted per query.
 * Facts the metrics need are kept as they happen (`first_accepted_at`, `ever_overdue`), because the
 * current status alone forgets them after a reopen.
 */
export const appealBoardProjection: Projection = {
  name: 'appeal-board',
  version: 1,
  tables: ['appeal_board'],
  eventTypes: [
    'AppealFiled',
    'AppealAccepted',
    'AppealDispatched',
    'AppealProgressNoted',
    'AppealResolved',
    'AppealReturnVisited',
    'AppealReopened',
    'AppealEscalated',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.appeal_board} (
        appeal_id text primary key, community_id text not null, grid_id text,
        channel text not null, category text not null, description jsonb not null, location text not null,
        household_id text, resident_id text,
        status text not null,
        stakeholder_kind text, stakeholder_id text, tier text, deadline timestamptz,
        escalated boolean not null default false, ever_escalated boolean not null default false,
        ever_overdue boolean not null default false,
        filed_at timestamptz not null, first_accepted_at timestamptz, accepted_at timestamptz,
        dispatched_at timestamptz, resolved_at timestamptz, resolution text,
        rating text, rating_comment text, visited_at timestamptz,
        reopen_count int not null default 0,
        notes jsonb not null default '[]'::jsonb,
        stream_version int not null);
      create index on ${t.appeal_board} (community_id, filed_at desc, appeal_id desc);
      create index on ${t.appeal_board} (deadline) where status = 'dispatched' and not escalated;`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      const table = t.appeal_board;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where appeal_id = $1 and stream_version < $2`, [
          d.appealId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'AppealFiled':
          await client.query(
            `insert into ${table} (appeal_id, community_id, grid_id, channel, category, description, location,
               household_id, resident_id, status, filed_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'filed', $10, $11) on conflict (appeal_id) do nothing`,
            [d.appealId, d.communityId, d.gridId, d.channel, d.category, JSON.stringify(d.description), d.location, d.householdId, d.residentId, d.filedAt, event.streamVersion],
          );
          break;
        case 'AppealAccepted':
          await update(`status = 'accepted', accepted_at = $3, first_accepted_at = coalesce(first_accepted_at, $3)`, [d.acceptedAt]);
          break;
        case 'AppealDispatched': {
          const stakeholder = d.stakeholder as { kind: string; id: string };
          await update(
            `status = 'dispatched', stakeholder_kind = $3, stakeholder_id = $4, tier = $5, deadline = $6, dispatched_at = $7, escalated = false`,
            [stakeholder.kind, stakeholder.id, d.tier, d.deadline, d.dispatchedAt],
          );
          break;
        }
        case 'AppealProgressNoted':
          await update(`notes = notes || $3::jsonb`, [JSON.stringify([{ note: d.note, notedAt: d.notedAt }])]);
          break;
        case 'AppealResolved':
          await update(
            `status = 'resolved', resolved_at = $3, resolution = $4,
             ever_overdue = ever_overdue or (deadline is not null and $3::timestamptz > deadline)`,
            [d.resolvedAt, d.resolution],
          );
          break;
        case 'AppealReturnVisited':
          await update(`status = 'closed', rating = $3, rating_comment = $4, visited_at = $5`, [d.rating, d.comment, d.visitedAt]);
          break;
        case 'AppealReopened':
          await update(
            `status = 'reopened', reopen_count = reopen_count + 1, resolved_at = null, resolution = null,
             rating = null, rating_comment = null, visited_at = null, deadline = null, escalated = false`,
            [],
          );
          break;
        case 'AppealEscalated':
          await update(`escalated = true, ever_escalated = true, ever_overdue = true`, []);
          break;
      }
    }
  },
};
