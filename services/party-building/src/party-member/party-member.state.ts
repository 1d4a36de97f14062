import type { PartyMemberEvent } from './party-member.events.js';

/** No name or phone: they stay encrypted in the events. */
export type PartyMemberState =
  | { readonly status: 'empty' }
  | { readonly status: 'registered'; readonly memberId: string; readonly communityId: string }
  | { readonly status: 'ended'; readonly memberId: string; readonly communityId: string };

export const initialState = (): PartyMemberState => ({ status: 'empty' });

export function evolve(state: PartyMemberState, event: PartyMemberEvent): PartyMemberState {
  switch (event.type) {
    case 'PartyMemberRegisteredAtCommunity':
      return state.status === 'registered'
        ? state
        : { status: 'registered', memberId: event.data.memberId, communityId: event.data.communityId };
    case 'PartyMemberCommunityRegistrationEnded':
      return state.status === 'registered' ? { ...state, status: 'ended' } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
