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

/**
 * Verified volunteer hours credited to the member's service record (党员志愿服务记录): hours entered in the
 * volunteers' hours ledger of the volunteer linked to this member (the volunteer-service-record workflow).
 * One credit per ledger record; `communityId` is the member's (latest) community of registration.
 */
export type PartyMemberServiceHoursCredited = DomainEvent<
  'PartyMemberServiceHoursCredited',
  {
    memberId: string;
    communityId: string;
    volunteerId: string;
    /** The volunteers' hours-ledger record credited. */
    recordId: string;
    /** What the hours were served in, as the ledger says (`id` null for other service). */
    source: { kind: string; id: string | null };
    activity: string;
    servedOn: string;
    servedMinutes: number;
    creditedAt: string;
  }
>;

export type PartyMemberEvent = PartyMemberRegisteredAtCommunity | PartyMemberCommunityRegistrationEnded | PartyMemberServiceHoursCredited;

export const partyMemberStreamId = (memberId: string): string => `party-member-${memberId}`;
