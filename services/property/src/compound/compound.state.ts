import type { CompoundEnclosure, CompoundEvent } from './compound.events.js';

export interface ServiceContract {
  readonly contractId: string;
  readonly companyId: string;
  readonly unifiedSocialCreditCode: string;
  readonly startsOn: string;
  readonly endsOn: string;
  /** The company's party organisation while the compound is marked red property, else null. */
  readonly redPropertyPartyOrganisationId: string | null;
}

export type CompoundState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'registered';
      readonly compoundId: string;
      readonly communityId: string;
      readonly name: string;
      readonly enclosure: CompoundEnclosure;
      readonly unitCount: number;
      readonly floorAreaHundredthM2: number;
      readonly occupiedUnitCount: number | null;
      readonly contract: ServiceContract | null;
      /** Contracts ended on this compound, so ending one again is quiet. */
      readonly endedContractIds: readonly string[];
    };

export const initialState = (): CompoundState => ({ status: 'empty' });

export function evolve(state: CompoundState, event: CompoundEvent): CompoundState {
  switch (event.type) {
    case 'CompoundRegistered': {
      if (state.status !== 'empty') return state;
      const { compoundId, communityId, name, enclosure, unitCount, floorAreaHundredthM2 } = event.data;
      return {
        status: 'registered',
        compoundId,
        communityId,
        name,
        enclosure,
        unitCount,
        floorAreaHundredthM2,
        occupiedUnitCount: null,
        contract: null,
        endedContractIds: [],
      };
    }
    case 'CompoundOccupancyRecorded':
      return state.status === 'registered' ? { ...state, occupiedUnitCount: event.data.occupiedUnitCount } : state;
    case 'PropertyServiceContractSigned': {
      if (state.status !== 'registered') return state;
      const { contractId, companyId, unifiedSocialCreditCode, startsOn, endsOn } = event.data;
      return {
        ...state,
        contract: { contractId, companyId, unifiedSocialCreditCode, startsOn, endsOn, redPropertyPartyOrganisationId: null },
      };
    }
    case 'PropertyServiceContractEnded':
      // Ending the contract ends the mark: red property is a property of the company serving the compound.
      return state.status === 'registered'
        ? { ...state, contract: null, endedContractIds: [...state.endedContractIds, event.data.contractId] }
        : state;
    case 'CompoundMarkedRedProperty':
      return state.status === 'registered' && state.contract
        ? { ...state, contract: { ...state.contract, redPropertyPartyOrganisationId: event.data.partyOrganisationId } }
        : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
