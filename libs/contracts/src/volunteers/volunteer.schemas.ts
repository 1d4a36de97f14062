import { calendarDate, closedObject, eventSchema, id, nullableEncrypted, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids, positiveMinutes } from './examples.js';

const context = 'volunteers';
const ref = { volunteerId: ids.volunteer, communityId: ids.community };

export const volunteerRegisteredV1 = eventSchema({
  context,
  eventType: 'VolunteerRegistered',
  schemaVersion: 1,
  description:
    'A volunteer (志愿者) was registered in a community, linked to a resident, a party member or an organisation (as ' +
    "its staff). Name, phone and ID number are encrypted under the volunteer's own key; they are null only for a " +
    "volunteer linked to a party member registered without them (the member's own are under party-building's keys).",
  properties: {
    volunteerId: id,
    communityId: id,
    linkedTo: closedObject({ kind: oneOf('resident', 'party_member', 'organisation_staff'), id }),
    name: { ...nullableEncrypted, description: 'Null only for a volunteer linked to a party member.' },
    phone: { ...nullableEncrypted, description: 'Null only for a volunteer linked to a party member.' },
    idNumber: { ...nullableEncrypted, description: 'Null only for a volunteer linked to a party member.' },
    skills: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    registeredAt: utcDateTime,
  },
  examples: [
    {
      ...ref,
      linkedTo: { kind: 'resident', id: ids.resident },
      name: exampleEncrypted(ids.volunteer),
      phone: exampleEncrypted(ids.volunteer),
      idNumber: exampleEncrypted(ids.volunteer),
      skills: ['法律咨询'],
      registeredAt: '2026-09-01T02:00:00.000Z',
    },
    {
      ...ref,
      linkedTo: { kind: 'party_member', id: ids.partyMember },
      name: null,
      phone: null,
      idNumber: null,
      skills: [],
      registeredAt: '2026-09-01T02:00:00.000Z',
    },
  ],
});

export const volunteerJoinedTeamV1 = eventSchema({
  context,
  eventType: 'VolunteerJoinedTeam',
  schemaVersion: 1,
  description: 'An active volunteer joined a volunteer team.',
  properties: { volunteerId: id, communityId: id, teamId: id, joinedAt: utcDateTime },
  examples: [{ ...ref, teamId: ids.team, joinedAt: '2026-09-02T02:00:00.000Z' }],
});

export const volunteerLeftTeamV1 = eventSchema({
  context,
  eventType: 'VolunteerLeftTeam',
  schemaVersion: 1,
  description: 'A volunteer left a volunteer team.',
  properties: { volunteerId: id, communityId: id, teamId: id, leftAt: utcDateTime },
  examples: [{ ...ref, teamId: ids.team, leftAt: '2027-01-02T02:00:00.000Z' }],
});

export const volunteerTrainingCompletedV1 = eventSchema({
  context,
  eventType: 'VolunteerTrainingCompleted',
  schemaVersion: 1,
  description: 'A volunteer completed a training course.',
  properties: {
    volunteerId: id,
    communityId: id,
    trainingId: id,
    course: text,
    provider: text,
    completedOn: calendarDate,
    trainingMinutes: positiveMinutes,
    recordedAt: utcDateTime,
  },
  examples: [
    {
      ...ref,
      trainingId: ids.training,
      course: '应急救护培训',
      provider: '区红十字会',
      completedOn: '2026-09-20',
      trainingMinutes: 240,
      recordedAt: '2026-09-21T02:00:00.000Z',
    },
  ],
});

export const volunteerSuspendedV1 = eventSchema({
  context,
  eventType: 'VolunteerSuspended',
  schemaVersion: 1,
  description: 'A volunteer was suspended: they join no team and take no new sign-ups until reinstated.',
  properties: { volunteerId: id, communityId: id, reason: text, suspendedAt: utcDateTime },
  examples: [{ ...ref, reason: '连续三次报名未到', suspendedAt: '2026-10-01T02:00:00.000Z' }],
});

export const volunteerReinstatedV1 = eventSchema({
  context,
  eventType: 'VolunteerReinstated',
  schemaVersion: 1,
  description: 'A suspended volunteer was reinstated.',
  properties: { volunteerId: id, communityId: id, reinstatedAt: utcDateTime },
  examples: [{ ...ref, reinstatedAt: '2026-11-01T02:00:00.000Z' }],
});
