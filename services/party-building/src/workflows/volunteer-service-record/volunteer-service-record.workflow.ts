import { Injectable } from '@nestjs/common';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { CreditPartyMemberServiceHoursCommand } from '../../party-member/credit-party-member-service-hours/credit-party-member-service-hours.handler.js';

export const VOLUNTEER_REGISTERED = cloudEventType('volunteers', 'VolunteerRegistered', 1);
export const SERVICE_HOURS_RECORDED = cloudEventType('volunteers', 'ServiceHoursRecorded', 1);

interface VolunteerRegisteredData {
  volunteerId: string;
  communityId: string;
  linkedTo: { kind: string; id: string };
}
/** The fields of a ledger record the service record keeps (no person in charge: that name is personal data). */
interface ServiceHoursRecordedData {
  volunteerId: string;
  communityId: string;
  recordId: string;
  source: { kind: string; id: string | null };
  activity: string;
  servedOn: string;
  servedMinutes: number;
}

/**
 * Workflow 3, second half (docs/workflows.md): verified hours entered in the volunteers' hours ledger
 * (`ServiceHoursRecorded`: every ledger record is verified service — opportunity hours enter it only once the
 * organiser verified them) of a volunteer linked to a party member are credited to that member's service record
 * (`PartyMemberServiceHoursCredited` on the member's stream, `PartyMember.serviceRecord`).
 *
 * State: `wf_volunteer_links` (every volunteer's link, learnt from `VolunteerRegistered`); `wf_parked_service_hours`
 * (ledger records of volunteers whose registration has not arrived yet: it travels on another stream, so on
 * another partition, and may come later — credited or dropped when it arrives); `wf_volunteer_service_credits`
 * (one row per ledger record of a party member's volunteer: credited, or refused with the reason).
 * Idempotency: the inbox skips a redelivered message, the credit command runs with ids derived from the event,
 * and the decider keeps one credit per ledger record (a second one with the same facts is quiet).
 */
@Injectable()
export class VolunteerServiceRecordWorkflow extends Workflow {
  readonly name = 'volunteer-service-record';
  readonly sources = ['volunteers'];
  override readonly eventTypes = [VOLUNTEER_REGISTERED, SERVICE_HOURS_RECORDED];
  override readonly ddl = [
    `create table if not exists wf_volunteer_links (
       volunteer_id text primary key, linked_kind text not null, linked_id text not null, community_id text not null)`,
    `create table if not exists wf_parked_service_hours (
       record_id text primary key, volunteer_id text not null, data jsonb not null, correlation_id text not null,
       parked_at timestamptz not null default now())`,
    `create index if not exists wf_parked_service_hours_volunteer on wf_parked_service_hours (volunteer_id)`,
    `create table if not exists wf_volunteer_service_credits (
       record_id text primary key, volunteer_id text not null, member_id text not null, served_minutes int not null,
       outcome text not null, reason text, handled_at timestamptz not null default now())`,
  ];

  async handle(step: WorkflowStep): Promise<void> {
    const { event, client } = step;
    if (event.type === VOLUNTEER_REGISTERED) {
      const d = event.data as VolunteerRegisteredData;
      await client.query(
        `insert into wf_volunteer_links (volunteer_id, linked_kind, linked_id, community_id) values ($1, $2, $3, $4)
         on conflict (volunteer_id) do nothing`,
        [d.volunteerId, d.linkedTo.kind, d.linkedTo.id, d.communityId],
      );
      const { rows: parked } = await client.query<{ data: ServiceHoursRecordedData; correlation_id: string }>(
        'delete from wf_parked_service_hours where volunteer_id = $1 returning data, correlation_id',
        [d.volunteerId],
      );
      if (d.linkedTo.kind !== 'party_member') return;
      parked.sort((a, b) => a.data.recordId.localeCompare(b.data.recordId));
      for (const { data, correlation_id } of parked) await this.credit(step, d.linkedTo.id, data, correlation_id);
      return;
    }
    if (event.type !== SERVICE_HOURS_RECORDED) return;
    const d = event.data as ServiceHoursRecordedData;
    const { rows } = await client.query<{ linked_kind: string; linked_id: string }>(
      'select linked_kind, linked_id from wf_volunteer_links where volunteer_id = $1',
      [d.volunteerId],
    );
    const link = rows[0];
    if (!link) {
      const kept: ServiceHoursRecordedData = {
        volunteerId: d.volunteerId,
        communityId: d.communityId,
        recordId: d.recordId,
        source: d.source,
        activity: d.activity,
        servedOn: d.servedOn,
        servedMinutes: d.servedMinutes,
      };
      await client.query(
        `insert into wf_parked_service_hours (record_id, volunteer_id, data, correlation_id) values ($1, $2, $3, $4)
         on conflict (record_id) do nothing`,
        [d.recordId, d.volunteerId, JSON.stringify(kept), event.correlationid],
      );
      return;
    }
    if (link.linked_kind === 'party_member') await this.credit(step, link.linked_id, d, event.correlationid);
  }

  private async credit({ client, run }: WorkflowStep, memberId: string, d: ServiceHoursRecordedData, correlationId: string): Promise<void> {
    const outcome = await run(
      (context) =>
        new CreditPartyMemberServiceHoursCommand(
          {
            memberId,
            volunteerId: d.volunteerId,
            recordId: d.recordId,
            source: { kind: d.source.kind, id: d.source.id },
            activity: d.activity,
            servedOn: d.servedOn,
            servedMinutes: d.servedMinutes,
          },
          context,
        ),
      { step: `credit:${d.recordId}`, correlationId },
    );
    await client.query(
      `insert into wf_volunteer_service_credits (record_id, volunteer_id, member_id, served_minutes, outcome, reason)
       values ($1, $2, $3, $4, $5, $6) on conflict (record_id) do nothing`,
      [d.recordId, d.volunteerId, memberId, d.servedMinutes, outcome.ok ? 'credited' : 'refused', outcome.ok ? null : `${outcome.code}: ${outcome.message}`],
    );
  }
}
