import type { AppealTier } from './appeal-deadlines.js';
import type { AppealEvent, SatisfactionRating, Stakeholder } from './appeal.events.js';

/**
 * What decide needs to know about an appeal, and nothing personal: the description stays encrypted in
 * the event, so snapshots of appeal streams hold no personal data.
 */
interface Appeal {
  readonly appealId: string;
  readonly communityId: string;
  readonly category: string;
}

export type AppealState =
  | { readonly status: 'empty' }
  | (Appeal & { readonly status: 'filed'; readonly filedAt: string })
  | (Appeal & { readonly status: 'accepted'; readonly acceptedAt: string })
  | (Appeal & {
      readonly status: 'dispatched';
      readonly stakeholder: Readonly<Stakeholder>;
      readonly tier: AppealTier;
      readonly deadline: string;
      readonly dispatchedAt: string;
      /** At most one escalation per dispatch: a new dispatch after a reopen starts unescalated. */
      readonly escalated: boolean;
    })
  | (Appeal & { readonly status: 'resolved'; readonly resolvedAt: string })
  | (Appeal & { readonly status: 'closed'; readonly rating: SatisfactionRating; readonly visitedAt: string })
  | (Appeal & { readonly status: 'reopened'; readonly reopenedAt: string });

export const initialState = (): AppealState => ({ status: 'empty' });

const appealOf = (state: Exclude<AppealState, { status: 'empty' }>): Appeal => ({
  appealId: state.appealId,
  communityId: state.communityId,
  category: state.category,
});

export function evolve(state: AppealState, event: AppealEvent): AppealState {
  switch (event.type) {
    case 'AppealFiled': {
      if (state.status !== 'empty') return state;
      const { appealId, communityId, category, filedAt } = event.data;
      return { status: 'filed', appealId, communityId, category, filedAt };
    }
    case 'AppealAccepted': {
      if (state.status !== 'filed' && state.status !== 'reopened') return state;
      return { ...appealOf(state), status: 'accepted', acceptedAt: event.data.acceptedAt };
    }
    case 'AppealDispatched': {
      if (state.status !== 'accepted') return state;
      const { stakeholder, tier, deadline, dispatchedAt } = event.data;
      return {
        ...appealOf(state),
        status: 'dispatched',
        stakeholder: { ...stakeholder },
        tier,
        deadline,
        dispatchedAt,
        escalated: false,
      };
    }
    case 'AppealProgressNoted':
      return state;
    case 'AppealResolved': {
      if (state.status !== 'accepted' && state.status !== 'dispatched') return state;
      return { ...appealOf(state), status: 'resolved', resolvedAt: event.data.resolvedAt };
    }
    case 'AppealReturnVisited': {
      if (state.status !== 'resolved') return state;
      const { rating, visitedAt } = event.data;
      return { ...appealOf(state), status: 'closed', rating, visitedAt };
    }
    case 'AppealReopened': {
      if (state.status !== 'resolved' && state.status !== 'closed') return state;
      return { ...appealOf(state), status: 'reopened', reopenedAt: event.data.reopenedAt };
    }
    case 'AppealEscalated': {
      if (state.status !== 'dispatched') return state;
      return { ...state, escalated: true };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
