import type { CommunityEvent } from './community.events.js';

/**
 * Plain JSON (records, no Map) so that a snapshot round-trips through PostgreSQL unchanged. Holds no
 * personal data: a grid worker's name stays in the encrypted event, only the worker id is kept.
 */
export interface Grid {
  readonly name: string;
  /** One grid worker per grid at a time; a later assignment replaces the earlier one. */
  readonly workerId: string | null;
}

export type CommunityState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'registered';
      readonly communityId: string;
      readonly name: string;
      readonly streetId: string;
      readonly streetName: string;
      readonly grids: Readonly<Record<string, Grid>>;
    };

export const initialState = (): CommunityState => ({ status: 'empty' });

export function evolve(state: CommunityState, event: CommunityEvent): CommunityState {
  switch (event.type) {
    case 'CommunityRegistered': {
      if (state.status !== 'empty') return state;
      const { communityId, name, streetId, streetName } = event.data;
      return { status: 'registered', communityId, name, streetId, streetName, grids: {} };
    }
    case 'GridDelineated': {
      if (state.status !== 'registered') return state;
      const { gridId, name } = event.data;
      return { ...state, grids: { ...state.grids, [gridId]: { name, workerId: null } } };
    }
    case 'GridWorkerAssigned': {
      if (state.status !== 'registered') return state;
      const { gridId, workerId } = event.data;
      const grid = state.grids[gridId];
      if (!grid) return state;
      return { ...state, grids: { ...state.grids, [gridId]: { ...grid, workerId } } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
