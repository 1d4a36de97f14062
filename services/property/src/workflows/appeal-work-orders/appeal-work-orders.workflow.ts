import { Injectable } from '@nestjs/common';
import { uuidv7FromName } from '@cogov/eventsourcing';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { OpenWorkOrderCommand } from '../../work-order/open-work-order/open-work-order.handler.js';
import type { WorkOrderCategory } from '../../work-order/work-order.events.js';

export const APPEAL_FILED = cloudEventType('residents', 'AppealFiled', 1);
export const APPEAL_DISPATCHED = cloudEventType('residents', 'AppealDispatched', 1);

/** The work order an appeal's category calls for; the appeal's own words stay encrypted in residents. */
export function workOrderCategoryOf(appealCategory: string): WorkOrderCategory {
  if (appealCategory === 'property.parking') return 'parking';
  if (appealCategory.startsWith('safety.')) return 'safety';
  if (appealCategory.startsWith('environment.')) return 'cleaning';
  return 'repair';
}

/** Category codes as a work order's summary shows them (no personal data: the description is not copied). */
const CATEGORY_LABELS: Record<string, string> = {
  'utilities.water': '供水', 'utilities.power': '供电', 'utilities.heating': '供暖', 'utilities.drainage': '排水',
  'utilities.elevator': '电梯', 'environment.sanitation': '环境卫生', 'environment.noise': '噪音', 'environment.greening': '绿化',
  'property.repair': '报修', 'property.parking': '停车', 'property.service': '物业服务', 'property.maintenance_fund': '维修资金',
  'safety.gas_leak': '燃气', 'safety.fire_hazard': '消防隐患', 'safety.elevator_entrapment': '电梯困人',
};

interface AppealFiledData {
  appealId: string;
  communityId: string;
  category: string;
  location: string;
}
interface AppealDispatchedData {
  appealId: string;
  communityId: string;
  stakeholder: { kind: string; id: string };
  deadline: string;
}

/**
 * Workflow 1, first half (docs/workflows.md): an appeal the residents' committee dispatches to a property
 * company becomes a work order in the compound that company serves in the appeal's community. Its state:
 * the filed appeals' category and location (`wf_appeal_filings`, since the dispatch does not repeat them) and
 * one row per dispatch handled (`wf_appeal_work_orders`: the work order opened, or why none could be).
 *
 * The work order's id derives from the dispatch event's id, and the open command is idempotent: a redelivered
 * dispatch opens nothing twice. The completion travels back through `cn.cogov.property.work-order-completed.v1`
 * to the residents' half (services/residents/src/workflows/work-order-outcomes).
 */
@Injectable()
export class AppealWorkOrdersWorkflow extends Workflow {
  readonly name = 'appeal-work-orders';
  readonly sources = ['residents'];
  override readonly eventTypes = [APPEAL_FILED, APPEAL_DISPATCHED];
  override readonly ddl = [
    `create table if not exists wf_appeal_filings (
       appeal_id text primary key, community_id text not null, category text not null, location text not null,
       correlation_id text not null)`,
    `create table if not exists wf_appeal_work_orders (
       dispatch_event_id text primary key, appeal_id text not null, community_id text not null, company_id text not null,
       work_order_id text, compound_id text, outcome text not null, reason text, handled_at timestamptz not null default now())`,
    `create index if not exists wf_appeal_work_orders_appeal on wf_appeal_work_orders (appeal_id)`,
  ];

  async handle({ event, client, run }: WorkflowStep): Promise<void> {
    if (event.type === APPEAL_FILED) {
      const d = event.data as AppealFiledData;
      await client.query(
        `insert into wf_appeal_filings (appeal_id, community_id, category, location, correlation_id) values ($1, $2, $3, $4, $5)
         on conflict (appeal_id) do nothing`,
        [d.appealId, d.communityId, d.category, d.location, event.correlationid],
      );
      return;
    }
    if (event.type !== APPEAL_DISPATCHED) return;
    const d = event.data as AppealDispatchedData;
    if (d.stakeholder?.kind !== 'property_company') return;

    const record = (outcome: 'opened' | 'unroutable' | 'refused', fields: { workOrderId?: string; compoundId?: string; reason?: string }) =>
      client.query(
        `insert into wf_appeal_work_orders (dispatch_event_id, appeal_id, community_id, company_id, work_order_id, compound_id, outcome, reason)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (dispatch_event_id) do nothing`,
        [event.id, d.appealId, d.communityId, d.stakeholder.id, fields.workOrderId ?? null, fields.compoundId ?? null, outcome, fields.reason ?? null],
      );

    const filed = (
      await client.query<AppealFiledData & { correlation_id: string }>('select category, location, correlation_id from wf_appeal_filings where appeal_id = $1', [d.appealId])
    ).rows[0];
    // The case's correlation id is the filing's: the work order joins the appeal's timeline, not the dispatch request's.
    const correlationId = filed?.correlation_id ?? event.correlationid;
    // The compounds of the appeal's community under a contract with that company; the one named in the
    // appeal's location when there are several.
    const { rows: compounds } = await client.query<{ compound_id: string; name: string }>(
      `select compound_id, name from compound_directory where community_id = $1 and contract->>'companyId' = $2 order by name`,
      [d.communityId, d.stakeholder.id],
    );
    const compound = compounds.find((c) => filed?.location.includes(c.name)) ?? compounds[0];
    if (!compound) {
      await record('unroutable', { reason: `no compound of community ${d.communityId} is under a contract with ${d.stakeholder.id}` });
      return;
    }
    const workOrderId = uuidv7FromName(`appeal-work-order:${event.id}`, Date.parse(event.time));
    const category = filed?.category ?? 'property.repair';
    const outcome = await run((context) =>
      new OpenWorkOrderCommand(
        {
          workOrderId,
          compoundId: compound.compound_id,
          category: workOrderCategoryOf(category),
          summary: `居民诉求转办：${CATEGORY_LABELS[category] ?? category}（办结时限 ${d.deadline}）`,
          location: filed?.location || compound.name,
          appealId: d.appealId,
          appealCorrelationId: correlationId,
        },
        context,
      ),
      { correlationId },
    );
    if (outcome.ok) await record('opened', { workOrderId, compoundId: compound.compound_id });
    else await record('refused', { compoundId: compound.compound_id, reason: `${outcome.code}: ${outcome.message}` });
  }
}
