import type { HouseholdAddress, HouseholdEvent } from './household.events.js';

export type HouseholdState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'registered';
      readonly householdId: string;
      readonly communityId: string;
      readonly gridId: string;
      readonly address: Readonly<HouseholdAddress>;
    };

export const initialState = (): HouseholdState => ({ status: 'empty' });

export function evolve(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  switch (event.type) {
    case 'HouseholdRegistered': {
      if (state.status !== 'empty') return state;
      const { householdId, communityId, gridId, address } = event.data;
      return { status: 'registered', householdId, communityId, gridId, address: { ...address } };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
