import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `volunteer-<volunteerId>`: a volunteer (志愿者) registered in a community, the teams they belong
 * to, their training and suspension. Name, phone and ID number are encrypted under the volunteer's own key
 * (subject = volunteerId), so erasing the volunteer erases them everywhere. A volunteer linked to a party member
 * may be registered without them (null): the member's own are encrypted under party-building's keys, which this
 * context cannot read (the party-member-volunteering workflow registers such volunteers).
 */

/** Who the volunteer is besides a volunteer: a resident, a party member, or staff of an organisation. */
export const VOLUNTEER_LINK_KINDS = ['resident', 'party_member', 'organisation_staff'] as const;
export type VolunteerLinkKind = (typeof VOLUNTEER_LINK_KINDS)[number];
/** `id`: the resident id, the party member id, or (for staff) the organisation id. */
export interface VolunteerLink {
  kind: VolunteerLinkKind;
  id: string;
}

export type VolunteerRegistered = DomainEvent<
  'VolunteerRegistered',
  {
    volunteerId: string;
    communityId: string;
    linkedTo: VolunteerLink;
    /** Null only for a volunteer linked to a party member (see above); likewise phone and idNumber. */
    name: EncryptedField | null;
    phone: EncryptedField | null;
    idNumber: EncryptedField | null;
    /** Free-text skills as the volunteer states them (e.g. 法律咨询, 急救). */
    skills: string[];
    registeredAt: string;
  }
>;

export type VolunteerJoinedTeam = DomainEvent<
  'VolunteerJoinedTeam',
  { volunteerId: string; communityId: string; teamId: string; joinedAt: string }
>;

export type VolunteerLeftTeam = DomainEvent<
  'VolunteerLeftTeam',
  { volunteerId: string; communityId: string; teamId: string; leftAt: string }
>;

export type VolunteerTrainingCompleted = DomainEvent<
  'VolunteerTrainingCompleted',
  {
    volunteerId: string;
    communityId: string;
    trainingId: string;
    course: string;
    provider: string;
    completedOn: string;
    trainingMinutes: number;
    recordedAt: string;
  }
>;

export type VolunteerSuspended = DomainEvent<
  'VolunteerSuspended',
  { volunteerId: string; communityId: string; reason: string; suspendedAt: string }
>;

export type VolunteerReinstated = DomainEvent<
  'VolunteerReinstated',
  { volunteerId: string; communityId: string; reinstatedAt: string }
>;

export type VolunteerEvent =
  | VolunteerRegistered
  | VolunteerJoinedTeam
  | VolunteerLeftTeam
  | VolunteerTrainingCompleted
  | VolunteerSuspended
  | VolunteerReinstated;

export const volunteerStreamId = (volunteerId: string): string => `volunteer-${volunteerId}`;
