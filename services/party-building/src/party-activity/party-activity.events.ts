import type { DomainEvent } from '@cogov/eventsourcing';

/** Stream `party-activity-<activityId>`: one activity a party organisation held in the community. */

export const PARTY_ACTIVITY_KINDS = [
  'theme_party_day',
  'study_session',
  'volunteer_service',
  'demonstration_post',
  'co_building',
  'other',
] as const;
export type PartyActivityKind = (typeof PARTY_ACTIVITY_KINDS)[number];

export type PartyActivityHeld = DomainEvent<
  'PartyActivityHeld',
  {
    activityId: string;
    communityId: string;
    organisationId: string;
    kind: PartyActivityKind;
    title: string;
    /** Asia/Shanghai calendar date. */
    heldOn: string;
    participantCount: number;
    /** Of the participants, party members registered at the community (报到党员). */
    registeredMemberCount: number;
    recordedAt: string;
  }
>;

export type PartyActivityEvent = PartyActivityHeld;

export const partyActivityStreamId = (activityId: string): string => `party-activity-${activityId}`;
