import type { PartyMemberEvent, PartyMemberServiceHoursCredited } from './party-member.events.js';

/** What a service-hours credit asserted, to tell a repeated credit from a reused record id. */
export type CreditFacts = Omit<PartyMemberServiceHoursCredited['data'], 'creditedAt' | 'communityId'>;

interface Member {
  readonly memberId: string;
  readonly communityId: string;
  /** Service hours credited, by the volunteers' ledger record id. */
  readonly credits: Readonly<Record<string, CreditFacts>>;
}

/** No name or phone: they stay encrypted in the events. */
export type PartyMemberState =
  | { readonly status: 'empty' }
  | (Member & { readonly status: 'registered' })
  | (Member & { readonly status: 'ended' });

export const initialState = (): PartyMemberState => ({ status: 'empty' });

export function evolve(state: PartyMemberState, event: PartyMemberEvent): PartyMemberState {
  switch (event.type) {
    case 'PartyMemberRegisteredAtCommunity':
      return state.status === 'registered'
        ? state
        : {
            status: 'registered',
            memberId: event.data.memberId,
            communityId: event.data.communityId,
            // The service record follows the member from one registration to the next.
            credits: state.status === 'empty' ? {} : state.credits,
          };
    case 'PartyMemberCommunityRegistrationEnded':
      return state.status === 'registered' ? { ...state, status: 'ended' } : state;
    case 'PartyMemberServiceHoursCredited': {
      if (state.status === 'empty') return state;
      const { creditedAt: _at, communityId: _community, ...facts } = event.data;
      return { ...state, credits: { ...state.credits, [facts.recordId]: facts } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
