import { calendarDate, eventSchema, id, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';

export const partyActivityHeldV1 = eventSchema({
  context: 'party-building',
  eventType: 'PartyActivityHeld',
  schemaVersion: 1,
  description: 'A party organisation held an activity in the community, with how many took part and how many of them were registered members.',
  properties: {
    activityId: id,
    communityId: id,
    organisationId: id,
    kind: oneOf('theme_party_day', 'study_session', 'volunteer_service', 'demonstration_post', 'co_building', 'other'),
    title: text,
    heldOn: calendarDate,
    participantCount: { type: 'integer', minimum: 1 },
    registeredMemberCount: { type: 'integer', minimum: 0, description: 'Participants who are party members registered at the community.' },
    recordedAt: utcDateTime,
  },
  examples: [
    {
      activityId: ex.activity,
      communityId: ex.community,
      organisationId: ex.organisation,
      kind: 'theme_party_day',
      title: '九月主题党日：尊师重教',
      heldOn: '2026-09-10',
      participantCount: 42,
      registeredMemberCount: 17,
      recordedAt: '2026-09-10T10:00:00.000Z',
    },
  ],
});
