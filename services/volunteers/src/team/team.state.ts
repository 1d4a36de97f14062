import type { TeamCategory, TeamEvent } from './team.events.js';

interface Team {
  readonly teamId: string;
  readonly communityId: string;
  readonly name: string;
  readonly category: TeamCategory;
}

export type TeamState =
  | { readonly status: 'empty' }
  | (Team & { readonly status: 'formed' })
  | (Team & { readonly status: 'disbanded' });

export const initialState = (): TeamState => ({ status: 'empty' });

export function evolve(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'VolunteerTeamFormed': {
      if (state.status !== 'empty') return state;
      const { teamId, communityId, name, category } = event.data;
      return { status: 'formed', teamId, communityId, name, category };
    }
    case 'VolunteerTeamDisbanded':
      if (state.status !== 'formed') return state;
      return { ...state, status: 'disbanded' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
