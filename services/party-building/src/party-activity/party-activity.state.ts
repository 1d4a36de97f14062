import type { PartyActivityEvent, PartyActivityHeld } from './party-activity.events.js';

export type PartyActivityState =
  | { readonly status: 'empty' }
  | { readonly status: 'held'; readonly activity: Readonly<Omit<PartyActivityHeld['data'], 'recordedAt'>> };

export const initialState = (): PartyActivityState => ({ status: 'empty' });

export function evolve(state: PartyActivityState, event: PartyActivityEvent): PartyActivityState {
  switch (event.type) {
    case 'PartyActivityHeld': {
      if (state.status !== 'empty') return state;
      const { recordedAt: _recordedAt, ...activity } = event.data;
      return { status: 'held', activity };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
