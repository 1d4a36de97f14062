import { encrypted, eventSchema, id, nullableId, text, utcDateTime } from '../json-schema.js';
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
