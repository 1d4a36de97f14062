import type { HouseholdContactEvent } from './household-contact.events.js';

export type HouseholdContactState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'assigned' | 'unassigned';
      readonly householdId: string;
      readonly communityId: string;
      /** The contact member while assigned, else null. */
      readonly memberId: string | null;
      /** `memberId visitedOn purpose` of every visit recorded, so a repeated record is quiet. */
      readonly visits: readonly string[];
    };

export const initialState = (): HouseholdContactState => ({ status: 'empty' });

export const visitKey = (memberId: string, visitedOn: string, purpose: string): string => `${memberId} ${visitedOn} ${purpose}`;

export function evolve(state: HouseholdContactState, event: HouseholdContactEvent): HouseholdContactState {
  switch (event.type) {
    case 'HouseholdContactAssigned': {
      const { householdId, communityId, memberId } = event.data;
      const visits = state.status === 'empty' ? [] : state.visits;
      return { status: 'assigned', householdId, communityId, memberId, visits };
    }
    case 'HouseholdContactReleased':
      return state.status === 'assigned' ? { ...state, status: 'unassigned', memberId: null } : state;
    case 'HouseholdContactVisitRecorded': {
      if (state.status === 'empty') return state;
      const { memberId, visitedOn, purpose } = event.data;
      return { ...state, visits: [...state.visits, visitKey(memberId, visitedOn, purpose)] };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
