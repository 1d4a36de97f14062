import type { WorkOrderCategory, WorkOrderEvent } from './work-order.events.js';

interface WorkOrder {
  readonly workOrderId: string;
  readonly compoundId: string;
  readonly communityId: string;
  readonly category: WorkOrderCategory;
  readonly appealId: string | null;
}

export type WorkOrderState =
  | { readonly status: 'empty' }
  | (WorkOrder & { readonly status: 'opened' })
  | (WorkOrder & { readonly status: 'assigned'; readonly assigneeId: string })
  | (WorkOrder & { readonly status: 'completed'; readonly assigneeId: string })
  | (WorkOrder & { readonly status: 'verified'; readonly assigneeId: string });

export const initialState = (): WorkOrderState => ({ status: 'empty' });

export function evolve(state: WorkOrderState, event: WorkOrderEvent): WorkOrderState {
  switch (event.type) {
    case 'WorkOrderOpened': {
      if (state.status !== 'empty') return state;
      const { workOrderId, compoundId, communityId, category, appealId } = event.data;
      return { status: 'opened', workOrderId, compoundId, communityId, category, appealId };
    }
    case 'WorkOrderAssigned':
      return state.status === 'opened' || state.status === 'assigned'
        ? { ...state, status: 'assigned', assigneeId: event.data.assigneeId }
        : state;
    case 'WorkOrderCompleted':
      return state.status === 'assigned' ? { ...state, status: 'completed' } : state;
    case 'WorkOrderCompletionRejected':
      return state.status === 'completed' ? { ...state, status: 'assigned' } : state;
    case 'WorkOrderVerified':
      return state.status === 'completed' ? { ...state, status: 'verified' } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
