import { Injectable } from '@nestjs/common';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { ResolveAppealCommand } from '../../appeal/resolve-appeal/resolve-appeal.handler.js';

export const OPPORTUNITY_PUBLISHED = cloudEventType('volunteers', 'ServiceOpportunityPublished', 1);
export const HOURS_VERIFIED = cloudEventType('volunteers', 'OpportunityServiceHoursVerified', 1);
export const OPPORTUNITY_COMPLETED = cloudEventType('volunteers', 'ServiceOpportunityCompleted', 1);

type Source = { kind: string; id: string | null };

/** `1 小时 30 分` for 90 minutes. */
const hoursAndMinutes = (minutes: number): string =>
  minutes % 60 === 0 ? `${minutes / 60} 小时` : minutes < 60 ? `${minutes} 分钟` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;

/**
 * Workflow 2, second half (docs/workflows.md): when the service opportunity published for a help request is
 * completed — every volunteer who came has verified hours — the appeal is resolved, awaiting the resident's
 * return visit. State: the opportunities answering appeals (`wf_help_opportunities`, with the case's correlation
 * id and the verified service so far) and what each completion did.
 */
@Injectable()
export class VolunteerHelpOutcomesWorkflow extends Workflow {
  readonly name = 'volunteer-help-outcomes';
  readonly sources = ['volunteers'];
  override readonly eventTypes = [OPPORTUNITY_PUBLISHED, HOURS_VERIFIED, OPPORTUNITY_COMPLETED];
  override readonly ddl = [
    `create table if not exists wf_help_opportunities (
       opportunity_id text primary key, appeal_id text not null, correlation_id text not null,
       verified_volunteers int not null default 0, verified_minutes int not null default 0,
       outcome text, reason text, completed_at timestamptz)`,
  ];

  async handle({ event, client, run }: WorkflowStep): Promise<void> {
    const d = event.data as { opportunityId: string; source?: Source; servedMinutes?: number; verifiedVolunteers?: number; completedAt?: string };
    if (event.type === OPPORTUNITY_PUBLISHED) {
      if (d.source?.kind !== 'appeal' || !d.source.id) return;
      await client.query(
        'insert into wf_help_opportunities (opportunity_id, appeal_id, correlation_id) values ($1, $2, $3) on conflict (opportunity_id) do nothing',
        [d.opportunityId, d.source.id, event.correlationid],
      );
      return;
    }
    if (event.type === HOURS_VERIFIED) {
      await client.query(
        'update wf_help_opportunities set verified_volunteers = verified_volunteers + 1, verified_minutes = verified_minutes + $2 where opportunity_id = $1',
        [d.opportunityId, d.servedMinutes ?? 0],
      );
      return;
    }
    if (event.type !== OPPORTUNITY_COMPLETED) return;
    const link = (
      await client.query<{ appeal_id: string; correlation_id: string; outcome: string | null }>(
        'select appeal_id, correlation_id, outcome from wf_help_opportunities where opportunity_id = $1',
        [d.opportunityId],
      )
    ).rows[0];
    if (!link || link.outcome === 'resolved') return;
    const resolution = `志愿服务已完成：${d.verifiedVolunteers ?? 0} 名志愿者上门服务，共 ${hoursAndMinutes(d.servedMinutes ?? 0)}`;
    const outcome = await run((context) => new ResolveAppealCommand({ appealId: link.appeal_id, resolution }, context), { correlationId: link.correlation_id });
    await client.query('update wf_help_opportunities set outcome = $2, reason = $3, completed_at = $4 where opportunity_id = $1', [
      d.opportunityId,
      outcome.ok ? 'resolved' : 'refused',
      outcome.ok ? null : `${outcome.code}: ${outcome.message}`,
      d.completedAt ?? event.time,
    ]);
  }
}
