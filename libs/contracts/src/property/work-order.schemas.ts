import { eventSchema, id, nullableId, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';

const context = 'property';
const order = { workOrderId: id, compoundId: id, communityId: id };
const example = { workOrderId: ex.workOrder, compoundId: ex.compound, communityId: ex.community };

export const workOrderOpenedV1 = eventSchema({
  context,
  eventType: 'WorkOrderOpened',
  schemaVersion: 1,
  description:
    "A property work order (工单) was opened in a compound, possibly from a resident's appeal: then `appealId` and the " +
    "appeal's correlation id are set (both null otherwise), so the appeal workflow can link the two.",
  properties: {
    ...order,
    category: oneOf('repair', 'cleaning', 'parking', 'safety'),
    summary: { ...text, description: 'What is to be done; worded without personal data.' },
    location: text,
    appealId: nullableId,
    appealCorrelationId: nullableId,
    openedAt: utcDateTime,
  },
  examples: [
    {
      ...example,
      category: 'repair',
      summary: '3号楼2单元地下室水管漏水',
      location: '3号楼2单元',
      appealId: ex.appeal,
      appealCorrelationId: ex.correlation,
      openedAt: '2026-11-21T02:00:00.000Z',
    },
    {
      ...example,
      category: 'cleaning',
      summary: '清理5号楼楼道堆物',
      location: '5号楼',
      appealId: null,
      appealCorrelationId: null,
      openedAt: '2026-11-21T02:00:00.000Z',
    },
  ],
});

export const workOrderAssignedV1 = eventSchema({
  context,
  eventType: 'WorkOrderAssigned',
  schemaVersion: 1,
  description: 'The work order was assigned (or reassigned) to a member of the property company staff or a team.',
  properties: { ...order, assigneeId: id, assignedAt: utcDateTime },
  examples: [{ ...example, assigneeId: ex.staff, assignedAt: '2026-11-21T02:10:00.000Z' }],
});

export const workOrderCompletedV1 = eventSchema({
  context,
  eventType: 'WorkOrderCompleted',
  schemaVersion: 1,
  description: 'The assignee reported the work order done.',
  properties: { ...order, assigneeId: id, completionNote: text, completedAt: utcDateTime },
  examples: [{ ...example, assigneeId: ex.staff, completionNote: '已更换阀门', completedAt: '2026-11-21T07:00:00.000Z' }],
});

export const workOrderCompletionRejectedV1 = eventSchema({
  context,
  eventType: 'WorkOrderCompletionRejected',
  schemaVersion: 1,
  description: 'Verification found the work not done; the work order went back to its assignee.',
  properties: { ...order, rejectedBy: id, reason: text, rejectedAt: utcDateTime },
  examples: [{ ...example, rejectedBy: 'user-staff-1', reason: '仍有渗水', rejectedAt: '2026-11-21T08:00:00.000Z' }],
});

export const workOrderVerifiedV1 = eventSchema({
  context,
  eventType: 'WorkOrderVerified',
  schemaVersion: 1,
  description: "The completed work was verified (by community staff or the owners' committee); the work order is closed.",
  properties: { ...order, verifiedBy: id, note: text, verifiedAt: utcDateTime },
  examples: [{ ...example, verifiedBy: 'user-staff-1', note: '', verifiedAt: '2026-11-22T02:00:00.000Z' }],
});
