import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/** One row per work order: where it stands, who holds it, and the notes of completion and verification. */
export const workOrderBoardProjection: Projection = {
  name: 'work-order-board',
  version: 1,
  tables: ['work_order_board'],
  eventTypes: ['WorkOrderOpened', 'WorkOrderAssigned', 'WorkOrderCompleted', 'WorkOrderCompletionRejected', 'WorkOrderVerified'],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.work_order_board} (
        work_order_id text primary key, compound_id text not null, community_id text not null,
        category text not null, summary text not null, location text not null, appeal_id text,
        status text not null, assignee_id text, completion_note text, rejection_reason text,
        verified_by text, verification_note text,
        opened_at timestamptz not null, assigned_at timestamptz, completed_at timestamptz, verified_at timestamptz,
        stream_version int not null);
      create index on ${t.work_order_board} (compound_id, status, opened_at desc);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    const table = t.work_order_board;
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $2 where work_order_id = $1 and stream_version < $2`, [
          d.workOrderId,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'WorkOrderOpened':
          await client.query(
            `insert into ${table} (work_order_id, compound_id, community_id, category, summary, location, appeal_id, status, opened_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, 'opened', $8, $9) on conflict (work_order_id) do nothing`,
            [d.workOrderId, d.compoundId, d.communityId, d.category, d.summary, d.location, d.appealId, d.openedAt, event.streamVersion],
          );
          break;
        case 'WorkOrderAssigned':
          await update(`status = 'assigned', assignee_id = $3, assigned_at = $4`, [d.assigneeId, d.assignedAt]);
          break;
        case 'WorkOrderCompleted':
          await update(`status = 'completed', completion_note = $3, completed_at = $4, rejection_reason = null`, [d.completionNote, d.completedAt]);
          break;
        case 'WorkOrderCompletionRejected':
          await update(`status = 'assigned', rejection_reason = $3, completed_at = null`, [d.reason]);
          break;
        case 'WorkOrderVerified':
          await update(`status = 'verified', verified_by = $3, verification_note = $4, verified_at = $5`, [d.verifiedBy, d.note, d.verifiedAt]);
          break;
      }
    }
  },
};
