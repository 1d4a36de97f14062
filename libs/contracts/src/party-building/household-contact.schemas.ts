import { calendarDate, eventSchema, id, oneOf, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';

const context = 'party-building';
const contact = { householdId: ex.household, communityId: ex.community, memberId: ex.member };

export const householdContactAssignedV1 = eventSchema({
  context,
  eventType: 'HouseholdContactAssigned',
  schemaVersion: 1,
  description: 'A household was assigned to a registered party member for regular contact (分片包户), handing it over from any previous member.',
  properties: { householdId: id, communityId: id, memberId: id, assignedAt: utcDateTime },
  examples: [{ ...contact, assignedAt: '2026-03-20T02:00:00.000Z' }],
});

export const householdContactReleasedV1 = eventSchema({
  context,
  eventType: 'HouseholdContactReleased',
  schemaVersion: 1,
  description: "The household's contact member was released; the household has none until assigned again.",
  properties: { householdId: id, communityId: id, memberId: id, releasedAt: utcDateTime },
  examples: [{ ...contact, releasedAt: '2027-03-20T02:00:00.000Z' }],
});

export const householdContactVisitRecordedV1 = eventSchema({
  context,
  eventType: 'HouseholdContactVisitRecorded',
  schemaVersion: 1,
  description:
    "The household's contact member visited it. Only the purpose is recorded, never what was said: anything to act on " +
    'becomes an appeal, where the description is encrypted.',
  properties: {
    householdId: id,
    communityId: id,
    memberId: id,
    visitedOn: calendarDate,
    purpose: oneOf('regular_contact', 'policy_outreach', 'appeal_collection', 'assistance', 'festival_greeting'),
    recordedAt: utcDateTime,
  },
  examples: [{ ...contact, visitedOn: '2026-04-02', purpose: 'regular_contact', recordedAt: '2026-04-02T10:00:00.000Z' }],
});
