import type { PartyOrganisationEvent, PartyOrganisationKind, ServiceCentreKind } from './party-organisation.events.js';

/** No names here: they stay encrypted in the events, so snapshots hold no personal data. */
export type PartyOrganisationState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'established';
      readonly organisationId: string;
      readonly communityId: string;
      readonly kind: PartyOrganisationKind;
      readonly parentOrganisationId: string | null;
      readonly hostUnitId: string | null;
      readonly firstSecretaryId: string | null;
      /** cadreId → paired unit, for cadres in office. */
      readonly cadres: Readonly<Record<string, string>>;
      readonly releasedCadreIds: readonly string[];
      readonly centres: readonly { readonly centreId: string; readonly kind: ServiceCentreKind; readonly name: string; readonly address: string }[];
    };

export const initialState = (): PartyOrganisationState => ({ status: 'empty' });

export function evolve(state: PartyOrganisationState, event: PartyOrganisationEvent): PartyOrganisationState {
  switch (event.type) {
    case 'PartyOrganisationEstablished': {
      if (state.status !== 'empty') return state;
      const { organisationId, communityId, kind, parentOrganisationId, hostUnitId } = event.data;
      return {
        status: 'established',
        organisationId,
        communityId,
        kind,
        parentOrganisationId,
        hostUnitId,
        firstSecretaryId: null,
        cadres: {},
        releasedCadreIds: [],
        centres: [],
      };
    }
    case 'FirstSecretaryAppointed':
      return state.status === 'established' ? { ...state, firstSecretaryId: event.data.secretaryId } : state;
    case 'PartTimeCadreAppointed': {
      if (state.status !== 'established') return state;
      const { cadreId, pairedUnitId } = event.data;
      return {
        ...state,
        cadres: { ...state.cadres, [cadreId]: pairedUnitId },
        releasedCadreIds: state.releasedCadreIds.filter((id) => id !== cadreId),
      };
    }
    case 'PartTimeCadreReleased': {
      if (state.status !== 'established') return state;
      const { [event.data.cadreId]: _released, ...cadres } = state.cadres;
      return { ...state, cadres, releasedCadreIds: [...state.releasedCadreIds, event.data.cadreId] };
    }
    case 'PartyMassesServiceCentreOpened': {
      if (state.status !== 'established') return state;
      const { centreId, kind, name, address } = event.data;
      return { ...state, centres: [...state.centres, { centreId, kind, name, address }] };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
