import type { IncubationStage, OrganisationEvent, OrganisationRegistered, OrganisationType } from './organisation.events.js';

export type OrganisationState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'registered';
      readonly organisationId: string;
      readonly communityId: string;
      readonly name: string;
      readonly type: OrganisationType;
      readonly creditCode: string | null;
      readonly incubationStage: IncubationStage | null;
      readonly address: string;
      /** As first registered, to tell a re-run of the registration from a conflicting one. */
      readonly registration: Readonly<Omit<OrganisationRegistered['data'], 'registeredAt'>>;
    };

export const initialState = (): OrganisationState => ({ status: 'empty' });

export function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered': {
      if (state.status !== 'empty') return state;
      const { registeredAt: _registeredAt, ...registration } = event.data;
      return { status: 'registered', ...registration, registration };
    }
    case 'SocialOrganisationIncubated':
      if (state.status !== 'registered') return state;
      return { ...state, incubationStage: 'incubated' };
    case 'SocialOrganisationLegallyRegistered':
      if (state.status !== 'registered') return state;
      return { ...state, incubationStage: 'registered', creditCode: event.data.creditCode };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
