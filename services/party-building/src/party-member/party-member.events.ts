import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `party-member-<memberId>`: a party member's registration at the community where they live
 * (党员到社区报到). Their membership stays with their own organisation (often at work); the community
 * registration is what lets them take on household contact and community service.
 *
 * Name and phone are personal data: encrypted, subject = memberId.
 */

export type PartyMemberRegisteredAtCommunity = DomainEvent<
  'PartyMemberRegisteredAtCommunity',
  {
    memberId: string;
    communityId: string;
    name: EncryptedField;
    phone: EncryptedField;
    /** The party organisation that holds the membership (组织关系所在党组织), by name as the member states it. */
    membershipOrganisation: string;
    /** The household they live in (residents context), or null when not registered there. */
    householdId: string | null;
    registeredAt: string;
  }
>;

export type PartyMemberCommunityRegistrationEnded = DomainEvent<
  'PartyMemberCommunityRegistrationEnded',
  { memberId: string; communityId: string; reason: string; endedAt: string }
>;

export type PartyMemberEvent = PartyMemberRegisteredAtCommunity | PartyMemberCommunityRegistrationEnded;

export const partyMemberStreamId = (memberId: string): string => `party-member-${memberId}`;
