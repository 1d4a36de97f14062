import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import type { AppealSatisfactionTally } from '../../property-assessment/property-assessment.decide.js';

export const APPEAL_RETURN_VISITED = cloudEventType('residents', 'AppealReturnVisited', 1);

/** `YYYY-Qn` of an instant on the Asia/Shanghai calendar. */
export function shanghaiQuarterOf(instant: string): string {
  const shanghai = new Date(Date.parse(instant) + 8 * 3_600_000);
  return `${shanghai.getUTCFullYear()}-Q${Math.floor(shanghai.getUTCMonth() / 3) + 1}`;
}

const TABLE_DDL = `create table if not exists wf_appeal_satisfaction (
  visit_event_id text primary key, appeal_id text not null, compound_id text not null, quarter text not null,
  rating text not null, visited_at timestamptz not null)`;

/**
 * The quarter's return visits of a compound's property appeals, as the workflow has tallied them; null when it
 * has none (or has never run here, as in a demo loader's process).
 */
export async function appealSatisfactionTally(pool: pg.Pool, compoundId: string, quarter: string): Promise<AppealSatisfactionTally | null> {
  const { rows: exists } = await pool.query<{ table: string | null }>(`select to_regclass('wf_appeal_satisfaction')::text as table`);
  if (!exists[0]?.table) return null;
  const { rows } = await pool.query<{ visits: number; satisfied: number; basically_satisfied: number }>(
    `select count(*)::int as visits, count(*) filter (where rating = 'satisfied')::int as satisfied,
            count(*) filter (where rating = 'basically_satisfied')::int as basically_satisfied
     from wf_appeal_satisfaction where compound_id = $1 and quarter = $2`,
    [compoundId, quarter],
  );
  const row = rows[0]!;
  return row.visits > 0 ? { visits: row.visits, satisfied: row.satisfied, basicallySatisfied: row.basically_satisfied } : null;
}

/**
 * Workflow 5 (docs/workflows.md): the quarterly property assessment takes the quarter's satisfaction rate of the
 * compound's property appeals as its `appeal_satisfaction` criterion. This half tallies: each residents'
 * `AppealReturnVisited` of an appeal that became a work order here (workflow 1; the compound from the work-order
 * board) is one row of `wf_appeal_satisfaction`, in the Asia/Shanghai quarter of the visit. Concluding an
 * assessment reads the tally (`appealSatisfactionTally`) and scores the criterion from it.
 *
 * A reopened appeal visited twice counts twice: each visit is the resident's verdict on a round of service.
 * A visit of an appeal that never reached a property company is not a property appeal and is ignored.
 */
@Injectable()
export class AppealSatisfactionWorkflow extends Workflow {
  readonly name = 'appeal-satisfaction';
  readonly sources = ['residents'];
  override readonly eventTypes = [APPEAL_RETURN_VISITED];
  override readonly ddl = [TABLE_DDL, `create index if not exists wf_appeal_satisfaction_quarter on wf_appeal_satisfaction (compound_id, quarter)`];

  async handle({ event, client }: WorkflowStep): Promise<void> {
    if (event.type !== APPEAL_RETURN_VISITED) return;
    const d = event.data as { appealId: string; rating: string; visitedAt: string };
    const { rows } = await client.query<{ compound_id: string }>(
      'select compound_id from work_order_board where appeal_id = $1 order by opened_at desc limit 1',
      [d.appealId],
    );
    if (!rows[0]) return;
    await client.query(
      `insert into wf_appeal_satisfaction (visit_event_id, appeal_id, compound_id, quarter, rating, visited_at)
       values ($1, $2, $3, $4, $5, $6) on conflict (visit_event_id) do nothing`,
      [event.id, d.appealId, rows[0].compound_id, shanghaiQuarterOf(d.visitedAt), d.rating, d.visitedAt],
    );
  }
}
