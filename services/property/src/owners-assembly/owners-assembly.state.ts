import type { AssemblyMatter, ElectionOutcome, MotionChoice, MotionOutcome, RollEntry, ThresholdClass, VoteRule } from './assembly-vote.js';
import type { OwnersAssemblyEvent } from './owners-assembly.events.js';

/** Plain objects and arrays only, so a snapshot is plain JSON. */
interface Assembly {
  readonly assemblyId: string;
  readonly compoundId: string;
  readonly communityId: string;
  readonly matter: AssemblyMatter;
  readonly seats: number | null;
  readonly thresholdClass: ThresholdClass;
  readonly rule: VoteRule;
  /** In the order recorded; a unit appears once (a later entry for it replaces the earlier). */
  readonly roll: readonly RollEntry[];
  readonly candidateIds: readonly string[];
  /** unitId → choice (motions). */
  readonly motionBallots: Readonly<Record<string, MotionChoice>>;
  /** unitId → approved candidate ids, sorted (elections). */
  readonly electionBallots: Readonly<Record<string, readonly string[]>>;
}

export type OwnersAssemblyState =
  | { readonly status: 'empty' }
  | (Assembly & { readonly status: 'convened' })
  | (Assembly & { readonly status: 'voting' })
  | (Assembly & {
      readonly status: 'counted';
      readonly outcome: MotionOutcome | ElectionOutcome;
      /** The candidates elected (every seat or some of them); empty for a motion. */
      readonly elected: readonly string[];
    });

export const initialState = (): OwnersAssemblyState => ({ status: 'empty' });

export function evolve(state: OwnersAssemblyState, event: OwnersAssemblyEvent): OwnersAssemblyState {
  switch (event.type) {
    case 'OwnersAssemblyConvened': {
      if (state.status !== 'empty') return state;
      const { assemblyId, compoundId, communityId, matter, seats, thresholdClass, rule } = event.data;
      return {
        status: 'convened',
        assemblyId,
        compoundId,
        communityId,
        matter,
        seats,
        thresholdClass,
        rule,
        roll: [],
        candidateIds: [],
        motionBallots: {},
        electionBallots: {},
      };
    }
    case 'OwnersAssemblyRollEntryRecorded': {
      if (state.status !== 'convened') return state;
      const { unitId, ownerId, areaHundredthM2 } = event.data;
      const entry = { unitId, ownerId, areaHundredthM2 };
      const at = state.roll.findIndex((e) => e.unitId === unitId);
      const roll = at < 0 ? [...state.roll, entry] : state.roll.map((e, i) => (i === at ? entry : e));
      return { ...state, roll };
    }
    case 'OwnersAssemblyCandidateNominated': {
      if (state.status !== 'convened') return state;
      return { ...state, candidateIds: [...state.candidateIds, event.data.candidateId] };
    }
    case 'OwnersAssemblyVotingOpened':
      return state.status === 'convened' ? { ...state, status: 'voting' } : state;
    case 'OwnersAssemblyMotionBallotCast': {
      if (state.status !== 'voting') return state;
      return { ...state, motionBallots: { ...state.motionBallots, [event.data.unitId]: event.data.choice } };
    }
    case 'OwnersAssemblyElectionBallotCast': {
      if (state.status !== 'voting') return state;
      const approved = [...event.data.approvedCandidateIds];
      return { ...state, electionBallots: { ...state.electionBallots, [event.data.unitId]: approved } };
    }
    case 'OwnersAssemblyMotionCounted':
      return state.status === 'voting' ? { ...state, status: 'counted', outcome: event.data.outcome, elected: [] } : state;
    case 'OwnersAssemblyElectionCounted':
      return state.status === 'voting' ? { ...state, status: 'counted', outcome: event.data.outcome, elected: [...event.data.elected] } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
