import { Injectable } from '@nestjs/common';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { ResolveAppealCommand } from '../../appeal/resolve-appeal/resolve-appeal.handler.js';

export const WORK_ORDER_OPENED = cloudEventType('property', 'WorkOrderOpened', 1);
export const WORK_ORDER_COMPLETED = cloudEventType('property', 'WorkOrderCompleted', 1);

/**
 * Workflow 1, second half (docs/workflows.md): when the work order property opened for an appeal is completed,
 * the appeal is resolved — awaiting the resident's return visit, which stays with the residents' committee.
 * Its state: which work order serves which appeal (`wf_work_order_appeals`, from `WorkOrderOpened` with an
 * appeal id, since the completion does not repeat it) and what each completion did.
 *
 * An appeal no longer waiting for its work order (resolved by hand meanwhile, reopened and dispatched
 * elsewhere) is left as it is: the refusal is recorded, not retried.
 */
@Injectable()
export class WorkOrderOutcomesWorkflow extends Workflow {
  readonly name = 'work-order-outcomes';
  readonly sources = ['property'];
  override readonly eventTypes = [WORK_ORDER_OPENED, WORK_ORDER_COMPLETED];
  override readonly ddl = [
    `create table if not exists wf_work_order_appeals (
       work_order_id text primary key, appeal_id text not null, compound_id text not null, correlation_id text not null,
       outcome text, reason text, completed_at timestamptz)`,
  ];

  async handle({ event, client, run }: WorkflowStep): Promise<void> {
    const d = event.data as {
      workOrderId: string;
      compoundId: string;
      appealId?: string | null;
      appealCorrelationId?: string | null;
      completionNote?: string;
      completedAt?: string;
    };
    if (event.type === WORK_ORDER_OPENED) {
      if (!d.appealId) return;
      await client.query(
        `insert into wf_work_order_appeals (work_order_id, appeal_id, compound_id, correlation_id) values ($1, $2, $3, $4)
         on conflict (work_order_id) do nothing`,
        [d.workOrderId, d.appealId, d.compoundId, d.appealCorrelationId ?? event.correlationid],
      );
      return;
    }
    if (event.type !== WORK_ORDER_COMPLETED) return;
    const link = (
      await client.query<{ appeal_id: string; outcome: string | null; correlation_id: string }>(
        'select appeal_id, outcome, correlation_id from wf_work_order_appeals where work_order_id = $1',
        [d.workOrderId],
      )
    ).rows[0];
    // A work order opened directly in property, or one whose appeal was already resolved by an earlier completion.
    if (!link || link.outcome === 'resolved') return;
    const outcome = await run(
      (context) => new ResolveAppealCommand({ appealId: link.appeal_id, resolution: `物业工单已办结：${d.completionNote ?? ''}`.trim() }, context),
      { correlationId: link.correlation_id },
    );
    await client.query('update wf_work_order_appeals set outcome = $2, reason = $3, completed_at = $4 where work_order_id = $1', [
      d.workOrderId,
      outcome.ok ? 'resolved' : 'refused',
      outcome.ok ? null : `${outcome.code}: ${outcome.message}`,
      d.completedAt ?? event.time,
    ]);
  }
}
