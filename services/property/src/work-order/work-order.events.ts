import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `work-order-<workOrderId>`: a property task in a compound. A work order opened from a resident's
 * appeal carries the appeal id and the appeal's correlation id, so the appeal workflow can link the two
 * (and its events join the appeal's case timeline); a work order opened directly carries null for both.
 */

export const WORK_ORDER_CATEGORIES = ['repair', 'cleaning', 'parking', 'safety'] as const;
export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];

interface WorkOrder {
  workOrderId: string;
  compoundId: string;
  communityId: string;
}

export type WorkOrderOpened = DomainEvent<
  'WorkOrderOpened',
  WorkOrder & {
    category: WorkOrderCategory;
    /** What is to be done, worded without personal data (the appeal's own description stays encrypted there). */
    summary: string;
    location: string;
    appealId: string | null;
    appealCorrelationId: string | null;
    openedAt: string;
  }
>;

export type WorkOrderAssigned = DomainEvent<'WorkOrderAssigned', WorkOrder & { assigneeId: string; assignedAt: string }>;

export type WorkOrderCompleted = DomainEvent<
  'WorkOrderCompleted',
  WorkOrder & { assigneeId: string; completionNote: string; completedAt: string }
>;

export type WorkOrderCompletionRejected = DomainEvent<
  'WorkOrderCompletionRejected',
  WorkOrder & { rejectedBy: string; reason: string; rejectedAt: string }
>;

export type WorkOrderVerified = DomainEvent<
  'WorkOrderVerified',
  WorkOrder & { verifiedBy: string; note: string; verifiedAt: string }
>;

export type WorkOrderEvent =
  | WorkOrderOpened
  | WorkOrderAssigned
  | WorkOrderCompleted
  | WorkOrderCompletionRejected
  | WorkOrderVerified;

export const workOrderStreamId = (workOrderId: string): string => `work-order-${workOrderId}`;
