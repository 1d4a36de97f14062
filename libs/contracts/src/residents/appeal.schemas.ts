import { closedObject, encrypted, eventSchema, id, nullableId, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids } from './examples.js';

const context = 'residents';

export const appealFiledV1 = eventSchema({
  context,
  eventType: 'AppealFiled',
  schemaVersion: 1,
  description:
    'An appeal (诉求) was filed through a channel. The description may name people, so it is encrypted under the ' +
    "resident's key when the resident is known, else under the appeal's own key.",
  properties: {
    appealId: id,
    communityId: id,
    gridId: nullableId,
    channel: oneOf('hotline', 'visit', 'app', 'suggestion_box', 'grid_patrol'),
    category: { type: 'string', pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)*$', description: 'Configured category code.' },
    description: encrypted,
    location: text,
    householdId: nullableId,
    residentId: nullableId,
    filedAt: utcDateTime,
  },
  examples: [
    {
      appealId: ids.appeal,
      communityId: ids.community,
      gridId: ids.grid,
      channel: 'hotline',
      category: 'utilities.water',
      description: exampleEncrypted(ids.resident),
      location: '和平里七区 12 号楼',
      householdId: ids.household,
      residentId: ids.resident,
      filedAt: '2026-11-21T01:02:03.000Z',
    },
    {
      appealId: ids.appeal,
      communityId: ids.community,
      gridId: null,
      channel: 'suggestion_box',
      category: 'environment',
      description: exampleEncrypted(ids.appeal),
      location: '社区广场',
      householdId: null,
      residentId: null,
      filedAt: '2026-11-21T01:02:03Z',
    },
  ],
});

export const appealAcceptedV1 = eventSchema({
  context,
  eventType: 'AppealAccepted',
  schemaVersion: 1,
  description: 'The community accepted the appeal for handling.',
  properties: { appealId: id, communityId: id, acceptedAt: utcDateTime },
  examples: [{ appealId: ids.appeal, communityId: ids.community, acceptedAt: '2026-11-21T01:10:00.000Z' }],
});

export const appealDispatchedV1 = eventSchema({
  context,
  eventType: 'AppealDispatched',
  schemaVersion: 1,
  description: 'The appeal was dispatched to a responsible stakeholder with a deadline set by its tier.',
  properties: {
    appealId: id,
    communityId: id,
    stakeholder: closedObject({
      kind: oneOf(
        'residents_committee',
        'property_company',
        'organisation',
        'volunteer_team',
        'party_organisation',
        'street_office',
        'agency',
      ),
      id,
    }),
    tier: oneOf('emergency', 'utilities', 'general', 'complex'),
    deadline: utcDateTime,
    dispatchedAt: utcDateTime,
  },
  examples: [
    {
      appealId: ids.appeal,
      communityId: ids.community,
      stakeholder: { kind: 'property_company', id: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a07' },
      tier: 'utilities',
      deadline: '2026-11-22T01:20:00.000Z',
      dispatchedAt: '2026-11-21T01:20:00.000Z',
    },
  ],
});

export const appealProgressNotedV1 = eventSchema({
  context,
  eventType: 'AppealProgressNoted',
  schemaVersion: 1,
  description: 'Progress on the appeal was noted by the handling stakeholder.',
  properties: { appealId: id, communityId: id, note: text, notedAt: utcDateTime },
  examples: [
    { appealId: ids.appeal, communityId: ids.community, note: '已联系自来水公司', notedAt: '2026-11-21T03:00:00.000Z' },
  ],
});

export const appealResolvedV1 = eventSchema({
  context,
  eventType: 'AppealResolved',
  schemaVersion: 1,
  description: 'The appeal was resolved.',
  properties: { appealId: id, communityId: id, resolution: text, resolvedAt: utcDateTime },
  examples: [
    { appealId: ids.appeal, communityId: ids.community, resolution: '管道已修复', resolvedAt: '2026-11-21T09:00:00.000Z' },
  ],
});

export const appealReturnVisitedV1 = eventSchema({
  context,
  eventType: 'AppealReturnVisited',
  schemaVersion: 1,
  description: 'The resident was visited back and rated the handling (回访).',
  properties: {
    appealId: id,
    communityId: id,
    rating: oneOf('satisfied', 'basically_satisfied', 'unsatisfied'),
    comment: text,
    visitedAt: utcDateTime,
  },
  examples: [
    {
      appealId: ids.appeal,
      communityId: ids.community,
      rating: 'satisfied',
      comment: '处理及时',
      visitedAt: '2026-11-22T02:00:00.000Z',
    },
  ],
});

export const appealReopenedV1 = eventSchema({
  context,
  eventType: 'AppealReopened',
  schemaVersion: 1,
  description: 'A resolved or unsatisfactorily handled appeal was reopened.',
  properties: { appealId: id, communityId: id, reason: text, reopenedAt: utcDateTime },
  examples: [
    { appealId: ids.appeal, communityId: ids.community, reason: '问题复发', reopenedAt: '2026-11-23T02:00:00.000Z' },
  ],
});

export const appealEscalatedV1 = eventSchema({
  context,
  eventType: 'AppealEscalated',
  schemaVersion: 1,
  description: 'A dispatched appeal passed its deadline and was escalated to the street office.',
  properties: { appealId: id, communityId: id, streetId: id, deadline: utcDateTime, escalatedAt: utcDateTime },
  examples: [
    {
      appealId: ids.appeal,
      communityId: ids.community,
      streetId: ids.street,
      deadline: '2026-11-25T01:20:00.000Z',
      escalatedAt: '2026-11-22T01:21:00.000Z',
    },
  ],
});
