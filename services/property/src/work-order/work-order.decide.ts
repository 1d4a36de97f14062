/**
 * Work order (工单) decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — opening the same work order
 * again, assigning it to the assignee it already has. A lifecycle move in the wrong state is an
 * InvalidStateError — completing twice, verifying before completion or twice, reassigning once done.
 * Opening under a used id with other data is AlreadyExistsError.
 *
 *   opened ─assign─▶ assigned (─assign─▶ reassigned) ─complete─▶ completed ─verify─▶ verified
 *                        ▲────────────── reject completion ───────────┘
 *
 * The verifier is the command's actor (community staff or the owners' committee), recorded in the event.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  requireOneOf,
  requireString,
  type CommandMetadata,
} from '@cogov/domain';
import {
  WORK_ORDER_CATEGORIES,
  type WorkOrderAssigned,
  type WorkOrderCategory,
  type WorkOrderCompleted,
  type WorkOrderCompletionRejected,
  type WorkOrderEvent,
  type WorkOrderOpened,
  type WorkOrderVerified,
} from './work-order.events.js';
import { evolve, initialState, type WorkOrderState } from './work-order.state.js';

export type OpenWorkOrder = {
  type: 'OpenWorkOrder';
  data: {
    workOrderId: string;
    compoundId: string;
    communityId: string;
    category: WorkOrderCategory;
    summary: string;
    location: string;
    /** Both set (opened from an appeal) or both null. */
    appealId: string | null;
    appealCorrelationId: string | null;
  };
  metadata: CommandMetadata;
};
export type AssignWorkOrder = { type: 'AssignWorkOrder'; data: { workOrderId: string; assigneeId: string }; metadata: CommandMetadata };
export type CompleteWorkOrder = {
  type: 'CompleteWorkOrder';
  data: { workOrderId: string; completionNote: string };
  metadata: CommandMetadata;
};
export type RejectWorkOrderCompletion = {
  type: 'RejectWorkOrderCompletion';
  data: { workOrderId: string; reason: string };
  metadata: CommandMetadata;
};
export type VerifyWorkOrder = {
  type: 'VerifyWorkOrder';
  /** `note` may be empty. */
  data: { workOrderId: string; note: string };
  metadata: CommandMetadata;
};

export type WorkOrderCommand = OpenWorkOrder | AssignWorkOrder | CompleteWorkOrder | RejectWorkOrderCompletion | VerifyWorkOrder;

type Existing = Exclude<WorkOrderState, { status: 'empty' }>;
type Status = Existing['status'];

function requireStatus<S extends Status>(
  state: WorkOrderState,
  workOrderId: string,
  allowed: readonly S[],
  doing: string,
): Extract<WorkOrderState, { status: S }> {
  if (state.status === 'empty') throw new NotFoundError('work order', workOrderId);
  if (!(allowed as readonly Status[]).includes(state.status)) {
    throw new InvalidStateError(`work order ${workOrderId} is ${state.status}; only ${allowed.join(' or ')} can be ${doing}`);
  }
  return state as Extract<WorkOrderState, { status: S }>;
}

const ids = (s: Existing) => ({ workOrderId: s.workOrderId, compoundId: s.compoundId, communityId: s.communityId });

function open({ data, metadata }: OpenWorkOrder, state: WorkOrderState): WorkOrderOpened[] {
  const workOrderId = requireNonEmpty(data.workOrderId, 'workOrderId');
  const appealId = requireNullableNonEmpty(data.appealId, 'appealId');
  const appealCorrelationId = requireNullableNonEmpty(data.appealCorrelationId, 'appealCorrelationId');
  if ((appealId === null) !== (appealCorrelationId === null)) {
    throw new ValidationError('appealCorrelationId', 'appealCorrelationId must be given exactly when appealId is');
  }
  const opened: WorkOrderOpened['data'] = {
    workOrderId,
    compoundId: requireNonEmpty(data.compoundId, 'compoundId'),
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    category: requireOneOf(data.category, WORK_ORDER_CATEGORIES, 'category'),
    summary: requireNonEmpty(data.summary, 'summary'),
    location: requireNonEmpty(data.location, 'location'),
    appealId,
    appealCorrelationId,
    openedAt: metadata.now,
  };
  if (state.status !== 'empty') {
    const same =
      state.compoundId === opened.compoundId &&
      state.communityId === opened.communityId &&
      state.category === opened.category &&
      state.appealId === appealId;
    if (same) return [];
    throw new AlreadyExistsError('work order', workOrderId, 'opened with other data');
  }
  return [{ type: 'WorkOrderOpened', data: opened }];
}

function assign({ data, metadata }: AssignWorkOrder, state: WorkOrderState): WorkOrderAssigned[] {
  const workOrderId = requireNonEmpty(data.workOrderId, 'workOrderId');
  const assigneeId = requireNonEmpty(data.assigneeId, 'assigneeId');
  const order = requireStatus(state, workOrderId, ['opened', 'assigned'], 'assigned');
  if (order.status === 'assigned' && order.assigneeId === assigneeId) return [];
  return [{ type: 'WorkOrderAssigned', data: { ...ids(order), assigneeId, assignedAt: metadata.now } }];
}

function complete({ data, metadata }: CompleteWorkOrder, state: WorkOrderState): WorkOrderCompleted[] {
  const workOrderId = requireNonEmpty(data.workOrderId, 'workOrderId');
  const completionNote = requireNonEmpty(data.completionNote, 'completionNote');
  const order = requireStatus(state, workOrderId, ['assigned'], 'completed');
  return [
    { type: 'WorkOrderCompleted', data: { ...ids(order), assigneeId: order.assigneeId, completionNote, completedAt: metadata.now } },
  ];
}

function reject({ data, metadata }: RejectWorkOrderCompletion, state: WorkOrderState): WorkOrderCompletionRejected[] {
  const workOrderId = requireNonEmpty(data.workOrderId, 'workOrderId');
  const reason = requireNonEmpty(data.reason, 'reason');
  const order = requireStatus(state, workOrderId, ['completed'], 'sent back');
  return [
    { type: 'WorkOrderCompletionRejected', data: { ...ids(order), rejectedBy: metadata.actor, reason, rejectedAt: metadata.now } },
  ];
}

function verify({ data, metadata }: VerifyWorkOrder, state: WorkOrderState): WorkOrderVerified[] {
  const workOrderId = requireNonEmpty(data.workOrderId, 'workOrderId');
  const note = requireString(data.note, 'note');
  const order = requireStatus(state, workOrderId, ['completed'], 'verified');
  return [{ type: 'WorkOrderVerified', data: { ...ids(order), verifiedBy: metadata.actor, note, verifiedAt: metadata.now } }];
}

export const workOrderDecider: Decider<WorkOrderCommand, WorkOrderEvent, WorkOrderState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'OpenWorkOrder':
        return open({ ...command, metadata }, state);
      case 'AssignWorkOrder':
        return assign({ ...command, metadata }, state);
      case 'CompleteWorkOrder':
        return complete({ ...command, metadata }, state);
      case 'RejectWorkOrderCompletion':
        return reject({ ...command, metadata }, state);
      case 'VerifyWorkOrder':
        return verify({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown work order command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
