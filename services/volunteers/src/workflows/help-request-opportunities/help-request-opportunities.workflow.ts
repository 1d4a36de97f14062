import { Injectable } from '@nestjs/common';
import { uuidv7FromName } from '@cogov/eventsourcing';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { PublishServiceOpportunityCommand } from '../../opportunity/publish-service-opportunity/publish-service-opportunity.handler.js';

export const APPEAL_FILED = cloudEventType('residents', 'AppealFiled', 1);
export const APPEAL_DISPATCHED = cloudEventType('residents', 'AppealDispatched', 1);

/** Appeal categories that are requests for help (求助): `welfare.*` in the residents' category list. */
export const isHelpRequest = (category: string): boolean => category.startsWith('welfare.');

const HELP_LABELS: Record<string, string> = { 'welfare.assistance': '生活帮扶' };

/** Volunteers who may sign up for a help request: a visit is made in twos. */
export const HELP_REQUEST_CAPACITY = 2;

/**
 * Workflow 2, first half (docs/workflows.md): a help request (a `welfare.*` appeal) that the residents' committee
 * dispatches to a volunteer team becomes a service opportunity of that team, open from the dispatch until the
 * appeal's deadline, for two volunteers. The residents' committee dispatches help requests of vulnerable
 * households there (ADR 0006): the vulnerable-group status itself never leaves residents, and neither do the
 * appeal's words — the opportunity names the category, the place and the appeal.
 *
 * State: help requests filed (`wf_help_requests`: category, place, the case's correlation id) and one row per
 * dispatch handled (`wf_help_request_opportunities`: the opportunity published, or why none was). The opportunity
 * id derives from the dispatch event's id; a redelivered dispatch publishes nothing twice.
 */
@Injectable()
export class HelpRequestOpportunitiesWorkflow extends Workflow {
  readonly name = 'help-request-opportunities';
  readonly sources = ['residents'];
  override readonly eventTypes = [APPEAL_FILED, APPEAL_DISPATCHED];
  override readonly ddl = [
    `create table if not exists wf_help_requests (
       appeal_id text primary key, community_id text not null, category text not null, location text not null,
       correlation_id text not null)`,
    `create table if not exists wf_help_request_opportunities (
       dispatch_event_id text primary key, appeal_id text not null, team_id text not null,
       opportunity_id text, outcome text not null, reason text, handled_at timestamptz not null default now())`,
  ];

  async handle({ event, client, run }: WorkflowStep): Promise<void> {
    if (event.type === APPEAL_FILED) {
      const d = event.data as { appealId: string; communityId: string; category: string; location: string };
      if (!isHelpRequest(d.category)) return;
      await client.query(
        `insert into wf_help_requests (appeal_id, community_id, category, location, correlation_id) values ($1, $2, $3, $4, $5)
         on conflict (appeal_id) do nothing`,
        [d.appealId, d.communityId, d.category, d.location, event.correlationid],
      );
      return;
    }
    if (event.type !== APPEAL_DISPATCHED) return;
    const d = event.data as { appealId: string; communityId: string; stakeholder: { kind: string; id: string }; deadline: string; dispatchedAt: string };
    if (d.stakeholder?.kind !== 'volunteer_team') return;
    const help = (
      await client.query<{ category: string; location: string; correlation_id: string }>('select category, location, correlation_id from wf_help_requests where appeal_id = $1', [
        d.appealId,
      ])
    ).rows[0];
    // Not a help request (a consultation handed to volunteers, say): nothing to publish.
    if (!help) return;

    const record = (outcome: 'published' | 'unroutable' | 'refused', fields: { opportunityId?: string; reason?: string }) =>
      client.query(
        `insert into wf_help_request_opportunities (dispatch_event_id, appeal_id, team_id, opportunity_id, outcome, reason)
         values ($1, $2, $3, $4, $5, $6) on conflict (dispatch_event_id) do nothing`,
        [event.id, d.appealId, d.stakeholder.id, fields.opportunityId ?? null, outcome, fields.reason ?? null],
      );
    const team = (
      await client.query<{ name: string; community_id: string }>(`select name, community_id from volunteer_teams where team_id = $1 and status <> 'disbanded'`, [
        d.stakeholder.id,
      ])
    ).rows[0];
    if (!team || team.community_id !== d.communityId) {
      await record('unroutable', { reason: `no active volunteer team ${d.stakeholder.id} in community ${d.communityId}` });
      return;
    }
    const opportunityId = uuidv7FromName(`help-request-opportunity:${event.id}`, Date.parse(event.time));
    const label = HELP_LABELS[help.category] ?? help.category;
    const outcome = await run(
      (context) =>
        new PublishServiceOpportunityCommand(
          {
            opportunityId,
            communityId: d.communityId,
            source: { kind: 'appeal', id: d.appealId },
            teamId: d.stakeholder.id,
            title: `上门帮扶：${label}`,
            content: `居民求助（诉求 ${d.appealId}），社区转派${team.name}，办结时限 ${d.deadline}`,
            place: help.location,
            organisingUnit: team.name,
            // The team is in charge until its leader takes the visit: its own id and name, not a person's.
            personInChargeId: d.stakeholder.id,
            personInChargeName: team.name,
            startsAt: d.dispatchedAt,
            endsAt: d.deadline,
            capacity: HELP_REQUEST_CAPACITY,
          },
          context,
        ),
      { correlationId: help.correlation_id },
    );
    if (outcome.ok) await record('published', { opportunityId });
    else await record('refused', { reason: `${outcome.code}: ${outcome.message}` });
  }
}
