import { Injectable } from '@nestjs/common';
import { uuidv7FromName } from '@cogov/eventsourcing';
import { cloudEventType } from '@cogov/messaging';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { FormVolunteerTeamCommand } from '../../team/form-volunteer-team/form-volunteer-team.handler.js';
import { JoinVolunteerTeamCommand } from '../../volunteer/join-volunteer-team/join-volunteer-team.handler.js';
import { LeaveVolunteerTeamCommand } from '../../volunteer/leave-volunteer-team/leave-volunteer-team.handler.js';
import { RegisterVolunteerCommand } from '../../volunteer/register-volunteer/register-volunteer.handler.js';

export const PARTY_MEMBER_REGISTERED = cloudEventType('party-building', 'PartyMemberRegisteredAtCommunity', 1);
export const PARTY_MEMBER_REGISTRATION_ENDED = cloudEventType('party-building', 'PartyMemberCommunityRegistrationEnded', 1);

/** 党员先锋志愿服务队: the team the workflow forms in a community that has no party-member vanguard team yet. */
export const VANGUARD_TEAM_NAME = '党员先锋志愿服务队';

/** The volunteer a member's first registration at a community creates: a function of that registration event. */
export const partyMemberVolunteerId = (memberId: string, communityId: string, registeredAt: number): string =>
  uuidv7FromName(`party-member-volunteer:${memberId}:${communityId}`, registeredAt);

/**
 * The vanguard team the workflow forms in a community: a function of the community alone (no instant in it), so
 * two members registering at once form one team, the second formation being quiet.
 */
export const vanguardTeamId = (communityId: string): string => uuidv7FromName(`party-member-vanguard-team:${communityId}`, 0);

interface RegisteredData {
  memberId: string;
  communityId: string;
  registeredAt: string;
}
interface EndedData {
  memberId: string;
  communityId: string;
  endedAt: string;
}

/** What the workflow knows of one member at one community. */
type Enrolment = { volunteer_id: string; team_id: string | null; status: string };

/**
 * Workflow 3, first half (docs/workflows.md): a party member's registration at a community (党员到社区报到)
 * makes them a volunteer of that community, linked `{ kind: 'party_member', id: memberId }` and registered
 * without personal fields of its own (the member's name and phone are encrypted under party-building's keys),
 * and enrols them in the community's party-member vanguard team (党员先锋志愿服务队) — formed by the workflow
 * when the community has none (volunteers' own roster read model). When the registration ends, the volunteer
 * leaves that team; they stay a volunteer, with their hours ledger.
 *
 * State: `wf_party_member_volunteers`, one row per member and community (the volunteer, the team, what happened).
 * Idempotency: the inbox skips a redelivered message; the commands run with ids derived from the event (a crash
 * between a command and the inbox commit replays nothing new); forming a team formed identically and joining a
 * team one is in are quiet.
 */
@Injectable()
export class PartyMemberVolunteeringWorkflow extends Workflow {
  readonly name = 'party-member-volunteering';
  readonly sources = ['party-building'];
  override readonly eventTypes = [PARTY_MEMBER_REGISTERED, PARTY_MEMBER_REGISTRATION_ENDED];
  override readonly ddl = [
    `create table if not exists wf_party_member_volunteers (
       member_id text not null, community_id text not null, volunteer_id text not null, team_id text,
       status text not null, reason text, registration_event_id text not null, ended_event_id text,
       updated_at timestamptz not null default now(),
       primary key (member_id, community_id))`,
  ];

  async handle(step: WorkflowStep): Promise<void> {
    if (step.event.type === PARTY_MEMBER_REGISTERED) await this.enrol(step, step.event.data as RegisteredData);
    else if (step.event.type === PARTY_MEMBER_REGISTRATION_ENDED) await this.release(step, step.event.data as EndedData);
  }

  private async enrol({ event, client, run }: WorkflowStep, d: RegisteredData): Promise<void> {
    const known = await this.enrolment(client, d.memberId, d.communityId);
    // A member registering again at the same community (after an end) is the same volunteer.
    const volunteerId = known?.volunteer_id ?? partyMemberVolunteerId(d.memberId, d.communityId, Date.parse(d.registeredAt) || Date.parse(event.time));
    const save = (status: 'enrolled' | 'registered' | 'refused', teamId: string | null, reason: string | null) =>
      client.query(
        `insert into wf_party_member_volunteers (member_id, community_id, volunteer_id, team_id, status, reason, registration_event_id)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (member_id, community_id) do update set team_id = excluded.team_id, status = excluded.status, reason = excluded.reason,
           registration_event_id = excluded.registration_event_id, ended_event_id = null, updated_at = now()`,
        [d.memberId, d.communityId, volunteerId, teamId, status, reason, event.id],
      );

    const registered = await run(
      (context) =>
        new RegisterVolunteerCommand(
          {
            volunteerId,
            communityId: d.communityId,
            linkedTo: { kind: 'party_member', id: d.memberId },
            name: null,
            phone: null,
            idNumber: null,
            skills: [],
          },
          context,
        ),
      { step: 'register-volunteer' },
    );
    // ALREADY_EXISTS: the member registered here before, and is this volunteer already.
    if (!registered.ok && registered.code !== 'ALREADY_EXISTS') {
      await save('refused', null, `${registered.code}: ${registered.message}`);
      return;
    }

    const { rows } = await client.query<{ team_id: string }>(
      `select team_id from volunteer_teams where community_id = $1 and category = 'party_member_vanguard' and status = 'formed'
       order by formed_at, team_id limit 1`,
      [d.communityId],
    );
    let teamId = rows[0]?.team_id;
    if (!teamId) {
      teamId = vanguardTeamId(d.communityId);
      const formed = await run(
        (context) => new FormVolunteerTeamCommand({ teamId: teamId!, communityId: d.communityId, name: VANGUARD_TEAM_NAME, category: 'party_member_vanguard' }, context),
        { step: 'form-team' },
      );
      if (!formed.ok) {
        await save('registered', null, `vanguard team ${teamId}: ${formed.code}: ${formed.message}`);
        return;
      }
    }
    const joined = await run((context) => new JoinVolunteerTeamCommand({ volunteerId, teamId: teamId! }, context), { step: 'join-team' });
    if (joined.ok) await save('enrolled', teamId, null);
    else await save('registered', null, `joining team ${teamId}: ${joined.code}: ${joined.message}`);
  }

  private async release({ event, client, run }: WorkflowStep, d: EndedData): Promise<void> {
    const known = await this.enrolment(client, d.memberId, d.communityId);
    // A registration this workflow never handled (its volunteer refused) leaves nothing to undo.
    if (!known) return;
    const save = (status: 'left' | 'ended', reason: string | null) =>
      client.query(
        `update wf_party_member_volunteers set status = $3, reason = $4, ended_event_id = $5, updated_at = now()
         where member_id = $1 and community_id = $2`,
        [d.memberId, d.communityId, status, reason, event.id],
      );
    if (known.status !== 'enrolled' || !known.team_id) {
      await save('ended', known.status === 'refused' ? 'never registered as a volunteer' : 'in no vanguard team');
      return;
    }
    const teamId = known.team_id;
    const left = await run((context) => new LeaveVolunteerTeamCommand({ volunteerId: known.volunteer_id, teamId }, context), { step: 'leave-team' });
    if (left.ok) await save('left', null);
    else await save('ended', `leaving team ${teamId}: ${left.code}: ${left.message}`);
  }

  private async enrolment(client: WorkflowStep['client'], memberId: string, communityId: string): Promise<Enrolment | undefined> {
    const { rows } = await client.query<Enrolment>(
      'select volunteer_id, team_id, status from wf_party_member_volunteers where member_id = $1 and community_id = $2',
      [memberId, communityId],
    );
    return rows[0];
  }
}
