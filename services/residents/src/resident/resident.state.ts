import type { MoveOutReason, RevealedResidentEvent, VulnerableGroupCode } from './resident.events.js';

/**
 * State holds the resident's vulnerable-group codes in plaintext — sensitive personal data — because
 * decide must know which tags are present and the events hold them only encrypted. So snapshots are
 * disabled for resident streams: this state lives in memory only, rebuilt from the (short) stream on
 * each command. Do not enable snapshots here without encrypting them for the resident.
 *
 * Tags end with the residence (move-out) and with erasure; after erasure no personal field is accepted
 * any more, since it would be encrypted under a new key that the erasure did not shred.
 */
export type ResidentState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'residing';
      readonly residentId: string;
      readonly householdId: string;
      readonly communityId: string;
      readonly gridId: string;
      readonly movedInOn: string;
      readonly tagCodes: readonly VulnerableGroupCode[];
      readonly erased: boolean;
    }
  | {
      readonly status: 'moved_out';
      readonly residentId: string;
      readonly householdId: string;
      readonly communityId: string;
      readonly movedOutOn: string;
      readonly reason: MoveOutReason;
      readonly erased: boolean;
    };

export const initialState = (): ResidentState => ({ status: 'empty' });

export function evolve(state: ResidentState, event: RevealedResidentEvent): ResidentState {
  switch (event.type) {
    case 'ResidentMovedIn': {
      if (state.status === 'residing') return state;
      const { residentId, householdId, communityId, gridId, movedInOn } = event.data;
      return {
        status: 'residing',
        residentId,
        householdId,
        communityId,
        gridId,
        movedInOn,
        tagCodes: [],
        erased: state.status === 'moved_out' && state.erased,
      };
    }
    case 'ResidentMovedOut': {
      if (state.status !== 'residing') return state;
      const { movedOutOn, reason } = event.data;
      const { residentId, householdId, communityId, erased } = state;
      return { status: 'moved_out', residentId, householdId, communityId, movedOutOn, reason, erased };
    }
    case 'VulnerableGroupTagged': {
      if (state.status !== 'residing' || event.tagCode === null || state.tagCodes.includes(event.tagCode)) {
        return state;
      }
      return { ...state, tagCodes: [...state.tagCodes, event.tagCode] };
    }
    case 'VulnerableGroupUntagged': {
      if (state.status !== 'residing') return state;
      return { ...state, tagCodes: state.tagCodes.filter((code) => code !== event.tagCode) };
    }
    case 'ResidentPersonalDataErased': {
      if (state.status === 'empty') return state;
      return state.status === 'residing' ? { ...state, tagCodes: [], erased: true } : { ...state, erased: true };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
