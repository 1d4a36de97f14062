import type { VolunteerEvent, VolunteerTrainingCompleted } from './volunteer.events.js';

export type TrainingFacts = Omit<VolunteerTrainingCompleted['data'], 'recordedAt'>;

/** Nothing personal: the encrypted fields stay in the events, so snapshots hold no personal data. */
interface Volunteer {
  readonly volunteerId: string;
  readonly communityId: string;
  readonly teamIds: readonly string[];
  readonly trainings: Readonly<Record<string, TrainingFacts>>;
}

export type VolunteerState =
  | { readonly status: 'empty' }
  | (Volunteer & { readonly status: 'active' })
  | (Volunteer & { readonly status: 'suspended'; readonly suspendedAt: string });

export const initialState = (): VolunteerState => ({ status: 'empty' });

export function evolve(state: VolunteerState, event: VolunteerEvent): VolunteerState {
  if (event.type === 'VolunteerRegistered') {
    if (state.status !== 'empty') return state;
    return { status: 'active', volunteerId: event.data.volunteerId, communityId: event.data.communityId, teamIds: [], trainings: {} };
  }
  if (state.status === 'empty') return state;
  switch (event.type) {
    case 'VolunteerJoinedTeam':
      return { ...state, teamIds: [...state.teamIds, event.data.teamId] };
    case 'VolunteerLeftTeam':
      return { ...state, teamIds: state.teamIds.filter((id) => id !== event.data.teamId) };
    case 'VolunteerTrainingCompleted': {
      const { recordedAt: _at, ...facts } = event.data;
      return { ...state, trainings: { ...state.trainings, [facts.trainingId]: facts } };
    }
    case 'VolunteerSuspended':
      return { ...state, status: 'suspended', suspendedAt: event.data.suspendedAt };
    case 'VolunteerReinstated': {
      const { volunteerId, communityId, teamIds, trainings } = state;
      return { status: 'active', volunteerId, communityId, teamIds, trainings };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
