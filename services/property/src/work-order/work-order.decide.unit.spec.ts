import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { workOrderDecider, type WorkOrderCommand } from './work-order.decide.js';
import type {
  WorkOrderAssigned,
  WorkOrderCompleted,
  WorkOrderCompletionRejected,
  WorkOrderOpened,
  WorkOrderVerified,
} from './work-order.events.js';

const spec = deciderSpecification(contractChecked(workOrderDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-11-21T02:00:00.000Z';
const ids = { workOrderId: 'wo-1', compoundId: 'cp-1', communityId: 'c-1' };
const command = <C extends WorkOrderCommand>(type: C['type'], data: object): C =>
  ({ type, data: { workOrderId: 'wo-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const opened: WorkOrderOpened = {
  type: 'WorkOrderOpened',
  data: {
    ...ids,
    category: 'repair',
    summary: '地下室水管漏水',
    location: '3号楼2单元',
    appealId: 'a-1',
    appealCorrelationId: 'corr-1',
    openedAt: NOW,
  },
};
const assigned = (assigneeId = 'staff-7'): WorkOrderAssigned => ({ type: 'WorkOrderAssigned', data: { ...ids, assigneeId, assignedAt: NOW } });
const completed: WorkOrderCompleted = {
  type: 'WorkOrderCompleted',
  data: { ...ids, assigneeId: 'staff-7', completionNote: '已更换阀门', completedAt: NOW },
};
const rejected: WorkOrderCompletionRejected = {
  type: 'WorkOrderCompletionRejected',
  data: { ...ids, rejectedBy: 'user-staff-1', reason: '仍有渗水', rejectedAt: NOW },
};
const verified: WorkOrderVerified = { type: 'WorkOrderVerified', data: { ...ids, verifiedBy: 'user-staff-1', note: '', verifiedAt: NOW } };

const { openedAt: _o, ...openData } = opened.data;
const open = (data: object = {}) => command('OpenWorkOrder', { ...openData, ...data });
const assign = (assigneeId = 'staff-7') => command('AssignWorkOrder', { assigneeId });
const complete = () => command('CompleteWorkOrder', { completionNote: '已更换阀门' });
const reject = () => command('RejectWorkOrderCompletion', { reason: '仍有渗水' });
const verify = () => command('VerifyWorkOrder', { note: '' });

describe('work order decider', () => {
  describe('OpenWorkOrder (quiet when opened again with the same data)', () => {
    it('emits WorkOrderOpened from an appeal, with its correlation', () => {
      spec.given([]).when(open()).then([opened]);
    });
    it('emits a work order opened directly, without an appeal', () => {
      spec
        .given([])
        .when(open({ appealId: null, appealCorrelationId: null }))
        .then([{ ...opened, data: { ...opened.data, appealId: null, appealCorrelationId: null } }]);
    });
    it('rejects an appeal without its correlation, an unknown category, or a used id', () => {
      spec.given([]).when(open({ appealCorrelationId: null })).thenThrows(ValidationError, field('appealCorrelationId'));
      spec.given([]).when(open({ category: 'gardening' })).thenThrows(ValidationError, field('category'));
      spec.given([opened]).when(open({ category: 'safety' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when opened again', () => {
      spec.given([opened]).when(open()).thenNothing();
    });
  });

  describe('AssignWorkOrder (quiet for the same assignee; reassignable until completed)', () => {
    it('emits WorkOrderAssigned, and again to reassign', () => {
      spec.given([opened]).when(assign()).then([assigned()]);
      spec.given([opened, assigned()]).when(assign('staff-8')).then([assigned('staff-8')]);
    });
    it('rejects assigning a completed work order or an unknown one', () => {
      spec.given([opened, assigned(), completed]).when(assign('staff-8')).thenThrows(InvalidStateError);
      spec.given([]).when(assign()).thenThrows(NotFoundError);
    });
    it('stays quiet for the same assignee', () => {
      spec.given([opened, assigned()]).when(assign()).thenNothing();
    });
  });

  describe('CompleteWorkOrder (never quiet: completing twice rejects)', () => {
    it('emits WorkOrderCompleted by the assignee', () => {
      spec.given([opened, assigned()]).when(complete()).then([completed]);
    });
    it('rejects an unassigned work order', () => {
      spec.given([opened]).when(complete()).thenThrows(InvalidStateError);
    });
    it('rejects completing twice (second rejection: completion is a lifecycle move)', () => {
      spec.given([opened, assigned(), completed]).when(complete()).thenThrows(InvalidStateError);
    });
  });

  describe('RejectWorkOrderCompletion (never quiet: only a completed work order goes back)', () => {
    it('emits WorkOrderCompletionRejected, and the assignee can complete again', () => {
      spec.given([opened, assigned(), completed]).when(reject()).then([rejected]);
      spec.given([opened, assigned(), completed, rejected]).when(complete()).then([completed]);
    });
    it('rejects a work order not completed', () => {
      spec.given([opened, assigned()]).when(reject()).thenThrows(InvalidStateError);
    });
    it('rejects sending back twice (second rejection: it is assigned again)', () => {
      spec.given([opened, assigned(), completed, rejected]).when(reject()).thenThrows(InvalidStateError);
    });
  });

  describe('VerifyWorkOrder (never quiet: verifying twice rejects)', () => {
    it('emits WorkOrderVerified by the actor', () => {
      spec.given([opened, assigned(), completed]).when(verify()).then([verified]);
    });
    it('rejects verifying before completion', () => {
      spec.given([opened, assigned()]).when(verify()).thenThrows(InvalidStateError);
    });
    it('rejects verifying twice (second rejection: verification closes the work order)', () => {
      spec.given([opened, assigned(), completed, verified]).when(verify()).thenThrows(InvalidStateError);
    });
  });
});
