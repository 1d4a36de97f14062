import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * Volunteers and teams of every community: one row per volunteer (personal fields kept encrypted, decrypted
 * per query; the training completed, in order of entry), one per team, and the membership pairs. Membership
 * rows move only when the volunteer's row moved forward, so a redelivered batch cannot add or remove a member
 * twice. v2 added the trainings.
 */
export const volunteerRosterProjection: Projection = {
  name: 'volunteer-roster',
  version: 2,
  tables: ['volunteers', 'volunteer_teams', 'volunteer_team_members'],
  eventTypes: [
    'VolunteerRegistered',
    'VolunteerJoinedTeam',
    'VolunteerLeftTeam',
    'VolunteerTrainingCompleted',
    'VolunteerSuspended',
    'VolunteerReinstated',
    'VolunteerTeamFormed',
    'VolunteerTeamDisbanded',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.volunteers} (
        volunteer_id text primary key, community_id text not null,
        linked_kind text not null, linked_id text not null,
        name jsonb not null, phone jsonb not null, id_number jsonb not null,
        skills jsonb not null, trainings jsonb not null default '[]'::jsonb, status text not null,
        registered_at timestamptz not null, suspended_at timestamptz,
        stream_version int not null);
      create index on ${t.volunteers} (community_id, registered_at, volunteer_id);
      create table ${t.volunteer_teams} (
        team_id text primary key, community_id text not null, name text not null, category text not null,
        status text not null, formed_at timestamptz not null, stream_version int not null);
      create index on ${t.volunteer_teams} (community_id);
      create table ${t.volunteer_team_members} (
        team_id text not null, volunteer_id text not null, joined_at timestamptz not null,
        primary key (team_id, volunteer_id));
      create index on ${t.volunteer_team_members} (volunteer_id);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      const moveVolunteer = async (set: string, values: unknown[] = []): Promise<boolean> => {
        const result = await client.query(
          `update ${t.volunteers} set ${set}${set ? ', ' : ''}stream_version = $2 where volunteer_id = $1 and stream_version < $2`,
          [d.volunteerId, event.streamVersion, ...values],
        );
        return result.rowCount === 1;
      };
      switch (event.type) {
        case 'VolunteerRegistered': {
          const linkedTo = d.linkedTo as { kind: string; id: string };
          await client.query(
            `insert into ${t.volunteers} (volunteer_id, community_id, linked_kind, linked_id, name, phone, id_number, skills,
               status, registered_at, stream_version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10) on conflict (volunteer_id) do nothing`,
            [
              d.volunteerId,
              d.communityId,
              linkedTo.kind,
              linkedTo.id,
              JSON.stringify(d.name),
              JSON.stringify(d.phone),
              JSON.stringify(d.idNumber),
              JSON.stringify(d.skills),
              d.registeredAt,
              event.streamVersion,
            ],
          );
          break;
        }
        case 'VolunteerJoinedTeam':
          if (await moveVolunteer('')) {
            await client.query(
              `insert into ${t.volunteer_team_members} (team_id, volunteer_id, joined_at) values ($1, $2, $3) on conflict do nothing`,
              [d.teamId, d.volunteerId, d.joinedAt],
            );
          }
          break;
        case 'VolunteerLeftTeam':
          if (await moveVolunteer('')) {
            await client.query(`delete from ${t.volunteer_team_members} where team_id = $1 and volunteer_id = $2`, [d.teamId, d.volunteerId]);
          }
          break;
        case 'VolunteerTrainingCompleted':
          await moveVolunteer(
            `trainings = trainings || jsonb_build_array(jsonb_build_object('trainingId', $3::text, 'course', $4::text, 'provider', $5::text,
               'completedOn', $6::text, 'trainingMinutes', $7::int))`,
            [d.trainingId, d.course, d.provider, d.completedOn, d.trainingMinutes],
          );
          break;
        case 'VolunteerSuspended':
          await moveVolunteer(`status = 'suspended', suspended_at = $3`, [d.suspendedAt]);
          break;
        case 'VolunteerReinstated':
          await moveVolunteer(`status = 'active', suspended_at = null`);
          break;
        case 'VolunteerTeamFormed':
          await client.query(
            `insert into ${t.volunteer_teams} (team_id, community_id, name, category, status, formed_at, stream_version)
             values ($1, $2, $3, $4, 'formed', $5, $6) on conflict (team_id) do nothing`,
            [d.teamId, d.communityId, d.name, d.category, d.formedAt, event.streamVersion],
          );
          break;
        case 'VolunteerTeamDisbanded':
          await client.query(`update ${t.volunteer_teams} set status = 'disbanded', stream_version = $2 where team_id = $1 and stream_version < $2`, [
            d.teamId,
            event.streamVersion,
          ]);
          break;
      }
    }
  },
};
