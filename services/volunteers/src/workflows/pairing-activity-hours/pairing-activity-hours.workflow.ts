import { Injectable } from '@nestjs/common';
import { uuidv7FromName } from '@cogov/eventsourcing';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { RecordServiceHoursCommand } from '../../hours-ledger/record-service-hours/record-service-hours.handler.js';

export const ORGANISATION_REGISTERED = cloudEventType('organisations', 'OrganisationRegistered', 1);
export const PAIRING_ACTIVITY_HELD = cloudEventType('organisations', 'PairingActivityHeld', 1);

/**
 * The person in charge's name on the ledger records this workflow enters. The activity event names who recorded it
 * (its `actor`, the person in charge's id on the record) but not their name, which the organisations context does
 * not hold: the record says what they were instead.
 */
export const PERSON_IN_CHARGE_NAME = '结对共建活动登记人';

/** The ledger record of one volunteer's hours at one activity: a function of both ids. */
export const pairingActivityRecordId = (activityId: string, volunteerId: string, at: number): string =>
  uuidv7FromName(`pairing-activity-hours:${activityId}:${volunteerId}`, at);

interface OrganisationRegisteredData {
  organisationId: string;
  name: string;
}
interface PairingActivityHeldData {
  pairingId: string;
  organisationId: string;
  communityId: string;
  activityId: string;
  title: string;
  heldOn: string;
  theme: string | null;
  place: string;
  volunteerIds: string[];
  /** Absent from activities recorded before it was introduced. */
  volunteerMinutes?: number | null;
  recordedAt: string;
}

type Outcome = 'recorded' | 'skipped' | 'refused';

/**
 * Workflow 4 (docs/workflows.md): a co-building pairing activity (结对共建活动) records service hours in the
 * hours ledger of every listed volunteer registered here — `volunteerMinutes` each, source
 * `{ kind: 'pairing_activity', id: activityId }`, served on the activity's date in the pairing's community, the
 * organising unit being the organisation's name (learnt from its `OrganisationRegistered`; its id until then), the
 * person in charge the activity's recorder (`actor`, see PERSON_IN_CHARGE_NAME).
 *
 * State: `wf_pairing_organisations` (organisation → name) and `wf_pairing_activity_hours`, one row per activity
 * and listed volunteer: `recorded` (with the record id), `skipped` (no such volunteer here, or an activity without
 * minutes), `refused` (the ledger said no, e.g. these hours are in the ledger under another record already).
 * Idempotency: the inbox skips a redelivered message; each record's id derives from the activity and volunteer ids
 * and the command runs with ids derived from the event, so a replay after a crash enters nothing twice.
 */
@Injectable()
export class PairingActivityHoursWorkflow extends Workflow {
  readonly name = 'pairing-activity-hours';
  readonly sources = ['organisations'];
  override readonly eventTypes = [ORGANISATION_REGISTERED, PAIRING_ACTIVITY_HELD];
  override readonly ddl = [
    `create table if not exists wf_pairing_organisations (organisation_id text primary key, name text not null)`,
    `create table if not exists wf_pairing_activity_hours (
       activity_id text not null, volunteer_id text not null, pairing_id text not null, organisation_id text not null,
       community_id text not null, record_id text, served_minutes int, outcome text not null, reason text,
       handled_at timestamptz not null default now(),
       primary key (activity_id, volunteer_id))`,
  ];

  async handle({ event, client, run }: WorkflowStep): Promise<void> {
    if (event.type === ORGANISATION_REGISTERED) {
      const d = event.data as OrganisationRegisteredData;
      await client.query('insert into wf_pairing_organisations (organisation_id, name) values ($1, $2) on conflict (organisation_id) do nothing', [
        d.organisationId,
        d.name,
      ]);
      return;
    }
    if (event.type !== PAIRING_ACTIVITY_HELD) return;
    const d = event.data as PairingActivityHeldData;
    const save = (volunteerId: string, outcome: Outcome, recordId: string | null, reason: string | null) =>
      client.query(
        `insert into wf_pairing_activity_hours (activity_id, volunteer_id, pairing_id, organisation_id, community_id, record_id, served_minutes, outcome, reason)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (activity_id, volunteer_id) do nothing`,
        [d.activityId, volunteerId, d.pairingId, d.organisationId, d.communityId, recordId, d.volunteerMinutes ?? null, outcome, reason],
      );
    const minutes = d.volunteerMinutes;
    if (typeof minutes !== 'number') {
      for (const volunteerId of d.volunteerIds ?? []) await save(volunteerId, 'skipped', null, 'the activity states no volunteerMinutes');
      return;
    }
    const { rows } = await client.query<{ name: string }>('select name from wf_pairing_organisations where organisation_id = $1', [d.organisationId]);
    const organisingUnit = rows[0]?.name ?? d.organisationId;
    const at = Date.parse(d.recordedAt) || Date.parse(event.time);
    for (const volunteerId of d.volunteerIds ?? []) {
      const recordId = pairingActivityRecordId(d.activityId, volunteerId, at);
      const outcome = await run(
        (context) =>
          new RecordServiceHoursCommand(
            {
              volunteerId,
              communityId: d.communityId,
              recordId,
              source: { kind: 'pairing_activity', id: d.activityId },
              activity: d.title,
              servedOn: d.heldOn,
              place: d.place,
              content: d.theme ? `结对共建活动：${d.title}（本月主题：${d.theme}）` : `结对共建活动：${d.title}`,
              organisingUnit,
              personInChargeId: event.actor,
              personInChargeName: PERSON_IN_CHARGE_NAME,
              servedMinutes: minutes,
            },
            context,
          ),
        { step: `record-hours:${volunteerId}` },
      );
      if (outcome.ok) await save(volunteerId, 'recorded', recordId, null);
      // Not a volunteer registered here: the activity may name someone the volunteers context does not know.
      else if (outcome.code === 'NOT_FOUND') await save(volunteerId, 'skipped', null, `not a registered volunteer (${outcome.message})`);
      else await save(volunteerId, 'refused', null, `${outcome.code}: ${outcome.message}`);
    }
  }
}
