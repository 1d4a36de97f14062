import type { DomainEvent } from '@cogov/eventsourcing';
import type {
  AssemblyMatter,
  CandidateCount,
  ElectionOutcome,
  MotionChoice,
  MotionOutcome,
  ThresholdClass,
  ThresholdTest,
  VoteRule,
  Weight,
} from './assembly-vote.js';

/**
 * Stream `owners-assembly-<assemblyId>`: one vote of a compound's owners' assembly (业主大会) — its roll,
 * candidates, one ballot per unit, and the count. The ballots live with the roll in one stream because
 * "one ballot per unit, and only units on the roll" is the invariant.
 *
 * Areas are integer hundredths of a square metre (`…HundredthM2`), never floats (assembly-vote.ts).
 */

interface Assembly {
  assemblyId: string;
  compoundId: string;
  communityId: string;
}

export type OwnersAssemblyConvened = DomainEvent<
  'OwnersAssemblyConvened',
  Assembly & {
    matter: AssemblyMatter;
    motion: string;
    /** Seats on the committee for a `committee_election`; null for any other matter. */
    seats: number | null;
    thresholdClass: ThresholdClass;
    /** The rule in force when convened: the count applies this one, whatever the configuration later says. */
    rule: VoteRule;
    convenedAt: string;
  }
>;

export type OwnersAssemblyRollEntryRecorded = DomainEvent<
  'OwnersAssemblyRollEntryRecorded',
  Assembly & { unitId: string; ownerId: string; areaHundredthM2: number; recordedAt: string }
>;

export type OwnersAssemblyCandidateNominated = DomainEvent<
  'OwnersAssemblyCandidateNominated',
  Assembly & { candidateId: string; nominatedAt: string }
>;

export type OwnersAssemblyVotingOpened = DomainEvent<'OwnersAssemblyVotingOpened', Assembly & { roll: Weight; openedAt: string }>;

export type OwnersAssemblyMotionBallotCast = DomainEvent<
  'OwnersAssemblyMotionBallotCast',
  Assembly & { unitId: string; ownerId: string; choice: MotionChoice; castAt: string }
>;

export type OwnersAssemblyElectionBallotCast = DomainEvent<
  'OwnersAssemblyElectionBallotCast',
  Assembly & { unitId: string; ownerId: string; approvedCandidateIds: string[]; castAt: string }
>;

export type OwnersAssemblyMotionCounted = DomainEvent<
  'OwnersAssemblyMotionCounted',
  Assembly & {
    matter: AssemblyMatter;
    thresholdClass: ThresholdClass;
    rule: VoteRule;
    roll: Weight;
    tally: { for: Weight; against: Weight; abstain: Weight };
    turnout: ThresholdTest;
    decision: ThresholdTest;
    outcome: MotionOutcome;
    explanation: string[];
    countedAt: string;
  }
>;

export type OwnersAssemblyElectionCounted = DomainEvent<
  'OwnersAssemblyElectionCounted',
  Assembly & {
    seats: number;
    rule: VoteRule;
    roll: Weight;
    turnout: ThresholdTest;
    candidates: CandidateCount[];
    elected: string[];
    tiedForLastSeat: string[];
    outcome: ElectionOutcome;
    explanation: string[];
    countedAt: string;
  }
>;

export type OwnersAssemblyEvent =
  | OwnersAssemblyConvened
  | OwnersAssemblyRollEntryRecorded
  | OwnersAssemblyCandidateNominated
  | OwnersAssemblyVotingOpened
  | OwnersAssemblyMotionBallotCast
  | OwnersAssemblyElectionBallotCast
  | OwnersAssemblyMotionCounted
  | OwnersAssemblyElectionCounted;

export const ownersAssemblyStreamId = (assemblyId: string): string => `owners-assembly-${assemblyId}`;
