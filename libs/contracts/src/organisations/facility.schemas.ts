import { closedObject, eventSchema, id, oneOf, text, utcDateTime, type JsonSchema } from '../json-schema.js';
import { exampleIds as ids } from './examples.js';

const context = 'organisations';
const facilityRef = { facilityId: id, organisationId: id, communityId: id };
const exampleRef = { facilityId: ids.facility, organisationId: ids.organisation, communityId: ids.community };

const openingHours: JsonSchema = {
  type: 'array',
  minItems: 1,
  description: 'Weekly opening windows, Asia/Shanghai wall clock; weekday 1 = Monday … 7 = Sunday.',
  items: closedObject({
    weekday: { type: 'integer', minimum: 1, maximum: 7 },
    opens: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    closes: { type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' },
  }),
};
const exampleHours = [
  { weekday: 6, opens: '08:00', closes: '18:00' },
  { weekday: 7, opens: '08:00', closes: '18:00' },
];

export const sharedFacilityOfferedV1 = eventSchema({
  context,
  eventType: 'SharedFacilityOffered',
  schemaVersion: 1,
  description: 'An organisation offered a facility (canteen, sports ground, meeting room …) to the residents of a community.',
  properties: {
    ...facilityRef,
    kind: oneOf('canteen', 'sports_ground', 'meeting_room', 'activity_room', 'library', 'parking', 'other'),
    name: text,
    address: text,
    capacity: { type: 'integer', minimum: 1 },
    openingHours,
    offeredAt: utcDateTime,
  },
  examples: [
    {
      ...exampleRef,
      kind: 'sports_ground',
      name: '和平里第一小学操场',
      address: '和平里七区 3 号',
      capacity: 200,
      openingHours: exampleHours,
      offeredAt: '2026-09-01T02:00:00.000Z',
    },
  ],
});

export const sharedFacilityOpeningHoursChangedV1 = eventSchema({
  context,
  eventType: 'SharedFacilityOpeningHoursChanged',
  schemaVersion: 1,
  description: "The facility's weekly opening hours changed; bookings already made stand.",
  properties: { ...facilityRef, openingHours, changedAt: utcDateTime },
  examples: [{ ...exampleRef, openingHours: [{ weekday: 6, opens: '07:00', closes: '19:00' }], changedAt: '2026-10-01T02:00:00.000Z' }],
});

export const sharedFacilityBookedV1 = eventSchema({
  context,
  eventType: 'SharedFacilityBooked',
  schemaVersion: 1,
  description:
    'The facility was booked for [startsAt, endsAt) inside its opening hours; bookings of one facility never overlap ' +
    '(back-to-back is allowed).',
  properties: {
    ...facilityRef,
    bookingId: id,
    bookedBy: closedObject({
      kind: oneOf('resident', 'residents_committee', 'organisation', 'volunteer_team', 'party_organisation', 'owners_committee'),
      id,
    }),
    purpose: text,
    attendees: { type: 'integer', minimum: 1 },
    startsAt: utcDateTime,
    endsAt: utcDateTime,
    bookedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleRef,
      bookingId: ids.booking,
      bookedBy: { kind: 'resident', id: ids.resident },
      purpose: '社区篮球友谊赛',
      attendees: 30,
      startsAt: '2026-09-12T01:00:00.000Z',
      endsAt: '2026-09-12T03:00:00.000Z',
      bookedAt: '2026-09-05T02:00:00.000Z',
    },
  ],
});

export const sharedFacilityBookingCancelledV1 = eventSchema({
  context,
  eventType: 'SharedFacilityBookingCancelled',
  schemaVersion: 1,
  description: 'A booking was cancelled (by request, or because the facility was withdrawn); its slot is free again.',
  properties: { ...facilityRef, bookingId: id, reason: text, cancelledAt: utcDateTime },
  examples: [{ ...exampleRef, bookingId: ids.booking, reason: '比赛改期', cancelledAt: '2026-09-10T02:00:00.000Z' }],
});

export const sharedFacilityWithdrawnV1 = eventSchema({
  context,
  eventType: 'SharedFacilityWithdrawn',
  schemaVersion: 1,
  description: 'The organisation withdrew the facility from sharing; bookings not yet over were cancelled just before.',
  properties: { ...facilityRef, reason: text, withdrawnAt: utcDateTime },
  examples: [{ ...exampleRef, reason: '操场翻修', withdrawnAt: '2026-11-01T02:00:00.000Z' }],
});
