import type { OwnersCommitteeEvent } from './owners-committee.events.js';

interface Committee {
  readonly committeeId: string;
  readonly compoundId: string;
  readonly communityId: string;
  readonly preparatoryGroupIds: readonly string[];
}

export type OwnersCommitteeState =
  | { readonly status: 'empty' }
  | (Committee & { readonly status: 'preparing' })
  | (Committee & { readonly status: 'elected'; readonly assemblyId: string; readonly memberIds: readonly string[] })
  | (Committee & {
      readonly status: 'filed';
      readonly assemblyId: string;
      readonly memberIds: readonly string[];
      readonly filedWith: string;
      readonly filingNumber: string;
    });

export const initialState = (): OwnersCommitteeState => ({ status: 'empty' });

export function evolve(state: OwnersCommitteeState, event: OwnersCommitteeEvent): OwnersCommitteeState {
  switch (event.type) {
    case 'OwnersCommitteePreparatoryGroupFormed': {
      if (state.status !== 'empty') return state;
      const { committeeId, compoundId, communityId, memberIds } = event.data;
      return { status: 'preparing', committeeId, compoundId, communityId, preparatoryGroupIds: [...memberIds] };
    }
    case 'OwnersCommitteeElected': {
      if (state.status !== 'preparing') return state;
      return { ...state, status: 'elected', assemblyId: event.data.assemblyId, memberIds: [...event.data.memberIds] };
    }
    case 'OwnersCommitteeFiled': {
      if (state.status !== 'elected') return state;
      const { filedWith, filingNumber } = event.data;
      return { ...state, status: 'filed', filedWith, filingNumber };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
