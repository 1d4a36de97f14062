import { eventSchema, id, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ids } from './examples.js';

const context = 'volunteers';

export const volunteerTeamFormedV1 = eventSchema({
  context,
  eventType: 'VolunteerTeamFormed',
  schemaVersion: 1,
  description: 'A volunteer team (志愿服务队) of a category was formed in a community.',
  properties: {
    teamId: id,
    communityId: id,
    name: text,
    category: oneOf(
      'judicial',
      'cultural',
      'medical',
      'sanitation',
      'elder_care',
      'party_member_vanguard',
      'education',
      'public_safety',
      'environmental',
      'other',
    ),
    formedAt: utcDateTime,
  },
  examples: [
    { teamId: ids.team, communityId: ids.community, name: '和平里法律服务队', category: 'judicial', formedAt: '2026-09-01T02:00:00.000Z' },
  ],
});

export const volunteerTeamDisbandedV1 = eventSchema({
  context,
  eventType: 'VolunteerTeamDisbanded',
  schemaVersion: 1,
  description: 'A volunteer team was disbanded.',
  properties: { teamId: id, communityId: id, reason: text, disbandedAt: utcDateTime },
  examples: [{ teamId: ids.team, communityId: ids.community, reason: '并入街道法律服务队', disbandedAt: '2027-06-01T02:00:00.000Z' }],
});
