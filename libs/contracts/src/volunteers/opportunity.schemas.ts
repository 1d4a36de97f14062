import {
  calendarDate,
  closedObject,
  encrypted,
  eventSchema,
  id,
  nullableId,
  oneOf,
  text,
  utcDateTime,
} from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids, minutes, positiveMinutes } from './examples.js';

const context = 'volunteers';
const oppRef = { opportunityId: id, communityId: id };
const ref = { opportunityId: ids.opportunity, communityId: ids.community };

export const serviceOpportunityPublishedV1 = eventSchema({
  context,
  eventType: 'ServiceOpportunityPublished',
  schemaVersion: 1,
  description:
    'A service opportunity was published with its capacity: from an appeal, a pairing activity, a party activity, or ' +
    "stand-alone (source id null). The person in charge's name is encrypted under their own key.",
  properties: {
    ...oppRef,
    source: closedObject({ kind: oneOf('appeal', 'pairing_activity', 'party_activity', 'standalone'), id: nullableId }),
    teamId: nullableId,
    title: text,
    content: text,
    place: text,
    organisingUnit: text,
    personInChargeId: id,
    personInChargeName: encrypted,
    startsAt: utcDateTime,
    endsAt: utcDateTime,
    capacity: { type: 'integer', minimum: 1 },
    publishedAt: utcDateTime,
  },
  examples: [
    {
      ...ref,
      source: { kind: 'appeal', id: ids.appeal },
      teamId: ids.team,
      title: '为独居老人清理楼道杂物',
      content: '清理 12 号楼楼道堆放杂物，消除消防隐患',
      place: '和平里七区 12 号楼',
      organisingUnit: '和平里社区居委会',
      personInChargeId: ids.personInCharge,
      personInChargeName: exampleEncrypted(ids.personInCharge),
      startsAt: '2026-09-12T01:00:00.000Z',
      endsAt: '2026-09-12T04:00:00.000Z',
      capacity: 10,
      publishedAt: '2026-09-05T02:00:00.000Z',
    },
  ],
});

export const volunteerSignedUpV1 = eventSchema({
  context,
  eventType: 'VolunteerSignedUp',
  schemaVersion: 1,
  description: 'A volunteer signed up for a service opportunity; signedUpCount never exceeds capacity.',
  properties: { ...oppRef, volunteerId: id, signedUpCount: { type: 'integer', minimum: 1 }, capacity: { type: 'integer', minimum: 1 }, signedUpAt: utcDateTime },
  examples: [{ ...ref, volunteerId: ids.volunteer, signedUpCount: 3, capacity: 10, signedUpAt: '2026-09-06T02:00:00.000Z' }],
});

export const volunteerWithdrewFromOpportunityV1 = eventSchema({
  context,
  eventType: 'VolunteerWithdrewFromOpportunity',
  schemaVersion: 1,
  description: 'A volunteer withdrew before checking in; the place is free again.',
  properties: { ...oppRef, volunteerId: id, reason: text, withdrewAt: utcDateTime },
  examples: [{ ...ref, volunteerId: ids.volunteer, reason: '临时出差', withdrewAt: '2026-09-10T02:00:00.000Z' }],
});

export const volunteerCheckedInV1 = eventSchema({
  context,
  eventType: 'VolunteerCheckedIn',
  schemaVersion: 1,
  description: 'A signed-up volunteer checked in (from an hour before the start until the end).',
  properties: { ...oppRef, volunteerId: id, checkedInAt: utcDateTime },
  examples: [{ ...ref, volunteerId: ids.volunteer, checkedInAt: '2026-09-12T00:55:00.000Z' }],
});

export const volunteerCheckedOutV1 = eventSchema({
  context,
  eventType: 'VolunteerCheckedOut',
  schemaVersion: 1,
  description: 'A volunteer checked out; minutesPresent are the whole minutes since check-in.',
  properties: { ...oppRef, volunteerId: id, checkedInAt: utcDateTime, checkedOutAt: utcDateTime, minutesPresent: minutes },
  examples: [
    {
      ...ref,
      volunteerId: ids.volunteer,
      checkedInAt: '2026-09-12T00:55:00.000Z',
      checkedOutAt: '2026-09-12T04:05:00.000Z',
      minutesPresent: 190,
    },
  ],
});

export const opportunityServiceHoursVerifiedV1 = eventSchema({
  context,
  eventType: 'OpportunityServiceHoursVerified',
  schemaVersion: 1,
  description:
    "The organiser verified the minutes a volunteer actually served (at most the minutes present); next they enter " +
    "the volunteer's hours ledger.",
  properties: { ...oppRef, volunteerId: id, servedOn: calendarDate, servedMinutes: positiveMinutes, verifiedBy: id, verifiedAt: utcDateTime },
  examples: [
    {
      ...ref,
      volunteerId: ids.volunteer,
      servedOn: '2026-09-12',
      servedMinutes: 180,
      verifiedBy: ids.staff,
      verifiedAt: '2026-09-12T05:00:00.000Z',
    },
  ],
});

export const serviceOpportunityCancelledV1 = eventSchema({
  context,
  eventType: 'ServiceOpportunityCancelled',
  schemaVersion: 1,
  description: 'A service opportunity nobody had checked in to was cancelled.',
  properties: { ...oppRef, reason: text, cancelledAt: utcDateTime },
  examples: [{ ...ref, reason: '暴雨预警', cancelledAt: '2026-09-11T12:00:00.000Z' }],
});

export const serviceOpportunityCompletedV1 = eventSchema({
  context,
  eventType: 'ServiceOpportunityCompleted',
  schemaVersion: 1,
  description:
    'A service opportunity was completed: every volunteer who took part has had their hours verified. Carries its ' +
    'source (an appeal it answers, say) and the totals, so the source can be closed without reading the sign-ups.',
  properties: {
    ...oppRef,
    source: closedObject({ kind: oneOf('appeal', 'pairing_activity', 'party_activity', 'standalone'), id: nullableId }),
    verifiedVolunteers: { type: 'integer', minimum: 1 },
    servedMinutes: positiveMinutes,
    completedAt: utcDateTime,
  },
  examples: [{ ...ref, source: { kind: 'appeal', id: ids.appeal }, verifiedVolunteers: 2, servedMinutes: 180, completedAt: '2026-09-12T10:00:00.000Z' }],
});
