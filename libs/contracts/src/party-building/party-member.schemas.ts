import { calendarDate, closedObject, encrypted, eventSchema, id, nullableId, text, utcDateTime } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ex } from './examples.js';

const context = 'party-building';

export const partyMemberRegisteredAtCommunityV1 = eventSchema({
  context,
  eventType: 'PartyMemberRegisteredAtCommunity',
  schemaVersion: 1,
  description:
    'A party member registered at the community where they live (党员到社区报到). Name and phone are encrypted for the member.',
  properties: {
    memberId: id,
    communityId: id,
    name: encrypted,
    phone: encrypted,
    membershipOrganisation: { ...text, description: 'The party organisation that holds the membership (组织关系所在党组织).' },
    householdId: nullableId,
    registeredAt: utcDateTime,
  },
  examples: [
    {
      memberId: ex.member,
      communityId: ex.community,
      name: exampleEncrypted(ex.member),
      phone: exampleEncrypted(ex.member),
      membershipOrganisation: '市教育局机关第三党支部',
      householdId: ex.household,
      registeredAt: '2026-03-15T02:00:00.000Z',
    },
  ],
});

export const partyMemberCommunityRegistrationEndedV1 = eventSchema({
  context,
  eventType: 'PartyMemberCommunityRegistrationEnded',
  schemaVersion: 1,
  description: "A party member's registration at the community ended (moved away, membership transferred …).",
  properties: { memberId: id, communityId: id, reason: text, endedAt: utcDateTime },
  examples: [{ memberId: ex.member, communityId: ex.community, reason: '迁出本社区', endedAt: '2027-06-01T02:00:00.000Z' }],
});

export const partyMemberServiceHoursCreditedV1 = eventSchema({
  context,
  eventType: 'PartyMemberServiceHoursCredited',
  schemaVersion: 1,
  description:
    "Verified volunteer service hours were credited to a party member's service record (党员志愿服务记录): hours " +
    "entered in the volunteers' hours ledger of the volunteer linked to the member. One credit per ledger record.",
  properties: {
    memberId: id,
    communityId: { ...id, description: 'The community the member is (or was last) registered at.' },
    volunteerId: { ...id, description: 'The volunteer (volunteers context) linked to the member.' },
    recordId: { ...id, description: "The volunteers' hours-ledger record credited." },
    source: closedObject({
      kind: { ...text, minLength: 1, description: 'What the hours were served in: opportunity, pairing_activity, party_activity, other.' },
      id: { type: ['string', 'null'], minLength: 1, description: 'The opportunity / activity id; null for other service.' },
    }),
    activity: text,
    servedOn: calendarDate,
    servedMinutes: { type: 'integer', minimum: 1, maximum: 1440, description: 'Whole minutes served.' },
    creditedAt: utcDateTime,
  },
  examples: [
    {
      memberId: ex.member,
      communityId: ex.community,
      volunteerId: ex.volunteer,
      recordId: ex.serviceRecord,
      source: { kind: 'pairing_activity', id: ex.activity },
      activity: '重阳节敬老志愿服务',
      servedOn: '2026-10-29',
      servedMinutes: 150,
      creditedAt: '2026-10-30T02:00:00.000Z',
    },
  ],
});
