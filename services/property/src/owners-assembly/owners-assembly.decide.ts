/**
 * Owners' assembly (业主大会) vote decisions. Pure.
 *
 * Idempotency policy (the same in every decider of this context): a command whose fact is already true
 * is quiet (`[]`) — convening the same assembly again, recording the same roll entry, nominating the same
 * candidate, casting the same ballot again. A lifecycle move in the wrong state is an InvalidStateError —
 * opening voting twice, counting twice, casting a different ballot for a unit that has voted (a ballot is
 * final), changing the roll once voting is open.
 *
 *   convened (roll entries, candidates) ─open voting─▶ voting (one ballot per unit) ─count─▶ counted
 *
 * The rule and the matter's threshold class are fixed when the assembly is convened (from the policy
 * then in force) and travel in the events, so a recount on replay gives the same answer.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireDistinctNonEmptyList,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  sameFacts,
  type CommandMetadata,
} from '@cogov/domain';
import {
  ASSEMBLY_MATTERS,
  MOTION_CHOICES,
  countElection,
  countMotion,
  defaultAssemblyPolicy,
  thresholdClassOf,
  weigh,
  type AssemblyMatter,
  type AssemblyPolicy,
  type MotionChoice,
} from './assembly-vote.js';
import type {
  OwnersAssemblyCandidateNominated,
  OwnersAssemblyConvened,
  OwnersAssemblyElectionBallotCast,
  OwnersAssemblyElectionCounted,
  OwnersAssemblyEvent,
  OwnersAssemblyMotionBallotCast,
  OwnersAssemblyMotionCounted,
  OwnersAssemblyRollEntryRecorded,
  OwnersAssemblyVotingOpened,
} from './owners-assembly.events.js';
import { evolve, initialState, type OwnersAssemblyState } from './owners-assembly.state.js';

export type ConveneOwnersAssembly = {
  type: 'ConveneOwnersAssembly';
  data: {
    assemblyId: string;
    compoundId: string;
    communityId: string;
    matter: AssemblyMatter;
    motion: string;
    /** Required (1–99) for a committee election, null otherwise. */
    seats: number | null;
  };
  metadata: CommandMetadata;
};
export type RecordOwnerOnRoll = {
  type: 'RecordOwnerOnRoll';
  data: { assemblyId: string; unitId: string; ownerId: string; areaHundredthM2: number };
  metadata: CommandMetadata;
};
export type NominateCommitteeCandidate = {
  type: 'NominateCommitteeCandidate';
  data: { assemblyId: string; candidateId: string };
  metadata: CommandMetadata;
};
export type OpenAssemblyVoting = { type: 'OpenAssemblyVoting'; data: { assemblyId: string }; metadata: CommandMetadata };
export type CastMotionBallot = {
  type: 'CastMotionBallot';
  data: { assemblyId: string; unitId: string; choice: MotionChoice };
  metadata: CommandMetadata;
};
export type CastElectionBallot = {
  type: 'CastElectionBallot';
  /** May be empty: the unit takes part and approves nobody. */
  data: { assemblyId: string; unitId: string; approvedCandidateIds: string[] };
  metadata: CommandMetadata;
};
export type CountAssemblyVote = { type: 'CountAssemblyVote'; data: { assemblyId: string }; metadata: CommandMetadata };

export type OwnersAssemblyCommand =
  | ConveneOwnersAssembly
  | RecordOwnerOnRoll
  | NominateCommitteeCandidate
  | OpenAssemblyVoting
  | CastMotionBallot
  | CastElectionBallot
  | CountAssemblyVote;

type Existing = Exclude<OwnersAssemblyState, { status: 'empty' }>;
type Status = Existing['status'];

function requireStatus<S extends Status>(
  state: OwnersAssemblyState,
  assemblyId: string,
  allowed: S,
  doing: string,
): Extract<OwnersAssemblyState, { status: S }> {
  if (state.status === 'empty') throw new NotFoundError('owners assembly', assemblyId);
  if (state.status !== allowed) {
    throw new InvalidStateError(`owners assembly ${assemblyId} is ${state.status}; ${doing} needs it ${allowed}`);
  }
  return state as Extract<OwnersAssemblyState, { status: S }>;
}

const ids = (s: Existing) => ({ assemblyId: s.assemblyId, compoundId: s.compoundId, communityId: s.communityId });

function convene(
  { data, metadata }: ConveneOwnersAssembly,
  state: OwnersAssemblyState,
  policy: AssemblyPolicy,
): OwnersAssemblyConvened[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const matter = requireOneOf(data.matter, ASSEMBLY_MATTERS, 'matter');
  const election = matter === 'committee_election';
  if (!election && data.seats !== null) throw new ValidationError('seats', 'seats must be null unless the matter is committee_election');
  const convened: OwnersAssemblyConvened['data'] = {
    assemblyId,
    compoundId: requireNonEmpty(data.compoundId, 'compoundId'),
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    matter,
    motion: requireNonEmpty(data.motion, 'motion'),
    seats: election ? requireIntegerInRange(data.seats, 'seats', 1, 99) : null,
    thresholdClass: thresholdClassOf(policy, matter),
    rule: policy.rule,
    convenedAt: metadata.now,
  };
  if (state.status !== 'empty') {
    const same =
      state.compoundId === convened.compoundId &&
      state.communityId === convened.communityId &&
      state.matter === matter &&
      state.seats === convened.seats;
    if (same) return [];
    throw new AlreadyExistsError('owners assembly', assemblyId, 'convened for another compound or matter');
  }
  return [{ type: 'OwnersAssemblyConvened', data: convened }];
}

/** Before voting opens, a unit's entry can be corrected by recording it again; the same entry is quiet. */
function recordOwner({ data, metadata }: RecordOwnerOnRoll, state: OwnersAssemblyState): OwnersAssemblyRollEntryRecorded[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const unitId = requireNonEmpty(data.unitId, 'unitId');
  const ownerId = requireNonEmpty(data.ownerId, 'ownerId');
  const areaHundredthM2 = requireIntegerInRange(data.areaHundredthM2, 'areaHundredthM2', 1);
  const assembly = requireStatus(state, assemblyId, 'convened', 'changing the roll');
  const current = assembly.roll.find((e) => e.unitId === unitId);
  if (current && current.ownerId === ownerId && current.areaHundredthM2 === areaHundredthM2) return [];
  if (current && current.ownerId !== ownerId && assembly.candidateIds.includes(current.ownerId)) {
    throw new InvalidStateError(`unit ${unitId} is held by candidate ${current.ownerId}; it cannot change hands on the roll`);
  }
  return [
    {
      type: 'OwnersAssemblyRollEntryRecorded',
      data: { ...ids(assembly), unitId, ownerId, areaHundredthM2, recordedAt: metadata.now },
    },
  ];
}

/** Only an owner on the roll can stand, and only in a committee election. */
function nominate(
  { data, metadata }: NominateCommitteeCandidate,
  state: OwnersAssemblyState,
): OwnersAssemblyCandidateNominated[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const candidateId = requireNonEmpty(data.candidateId, 'candidateId');
  const assembly = requireStatus(state, assemblyId, 'convened', 'nominating a candidate');
  if (assembly.matter !== 'committee_election') {
    throw new InvalidStateError(`owners assembly ${assemblyId} decides ${assembly.matter}; it has no candidates`);
  }
  if (assembly.candidateIds.includes(candidateId)) return [];
  if (!assembly.roll.some((e) => e.ownerId === candidateId)) {
    throw new ValidationError('candidateId', `candidate ${candidateId} is not an owner on the roll`);
  }
  return [{ type: 'OwnersAssemblyCandidateNominated', data: { ...ids(assembly), candidateId, nominatedAt: metadata.now } }];
}

/** Freezes the roll (and candidates). An election needs at least as many candidates as seats. */
function openVoting({ data, metadata }: OpenAssemblyVoting, state: OwnersAssemblyState): OwnersAssemblyVotingOpened[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const assembly = requireStatus(state, assemblyId, 'convened', 'opening the vote');
  if (assembly.roll.length === 0) throw new InvalidStateError(`owners assembly ${assemblyId} has an empty roll`);
  if (assembly.seats !== null && assembly.candidateIds.length < assembly.seats) {
    throw new InvalidStateError(
      `owners assembly ${assemblyId} has ${assembly.candidateIds.length} candidates for ${assembly.seats} seats`,
    );
  }
  return [
    {
      type: 'OwnersAssemblyVotingOpened',
      data: { ...ids(assembly), roll: weigh(assembly.roll, assembly.rule.headcount), openedAt: metadata.now },
    },
  ];
}

/**
 * The unit's roll entry, for a ballot. Under the `per_owner` headcount an owner of several units counts
 * once, so all their units must say the same: `sameAsOwner` finds a differing ballot on another unit.
 */
function ballotUnit(assembly: Existing, unitId: string) {
  const entry = assembly.roll.find((e) => e.unitId === unitId);
  if (!entry) throw new ValidationError('unitId', `unit ${unitId} is not on the roll of owners assembly ${assembly.assemblyId}`);
  return entry;
}

function castMotion({ data, metadata }: CastMotionBallot, state: OwnersAssemblyState): OwnersAssemblyMotionBallotCast[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const unitId = requireNonEmpty(data.unitId, 'unitId');
  const choice = requireOneOf(data.choice, MOTION_CHOICES, 'choice');
  const assembly = requireStatus(state, assemblyId, 'voting', 'casting a ballot');
  if (assembly.matter === 'committee_election') {
    throw new InvalidStateError(`owners assembly ${assemblyId} is an election; cast an election ballot`);
  }
  const { ownerId } = ballotUnit(assembly, unitId);
  const cast = assembly.motionBallots[unitId];
  if (cast === choice) return [];
  if (cast !== undefined) throw new InvalidStateError(`unit ${unitId} has already voted ${cast}; a ballot is final`);
  if (assembly.rule.headcount === 'per_owner') {
    const other = assembly.roll.find((e) => e.ownerId === ownerId && (assembly.motionBallots[e.unitId] ?? choice) !== choice);
    if (other) {
      throw new InvalidStateError(`owner ${ownerId} voted ${assembly.motionBallots[other.unitId]} for unit ${other.unitId}; one owner, one choice`);
    }
  }
  return [{ type: 'OwnersAssemblyMotionBallotCast', data: { ...ids(assembly), unitId, ownerId, choice, castAt: metadata.now } }];
}

function castElection({ data, metadata }: CastElectionBallot, state: OwnersAssemblyState): OwnersAssemblyElectionBallotCast[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const unitId = requireNonEmpty(data.unitId, 'unitId');
  const approved = requireDistinctNonEmptyList(data.approvedCandidateIds, 'approvedCandidateIds', 0).sort();
  const assembly = requireStatus(state, assemblyId, 'voting', 'casting a ballot');
  if (assembly.seats === null) throw new InvalidStateError(`owners assembly ${assemblyId} decides a motion; cast a motion ballot`);
  const unknown = approved.find((id) => !assembly.candidateIds.includes(id));
  if (unknown) throw new ValidationError('approvedCandidateIds', `${unknown} is not a candidate`);
  if (approved.length > assembly.seats) {
    throw new ValidationError('approvedCandidateIds', `a ballot approves at most ${assembly.seats} candidates`);
  }
  const { ownerId } = ballotUnit(assembly, unitId);
  const cast = assembly.electionBallots[unitId];
  if (cast && sameFacts(cast, approved)) return [];
  if (cast) throw new InvalidStateError(`unit ${unitId} has already voted; a ballot is final`);
  if (assembly.rule.headcount === 'per_owner') {
    const other = assembly.roll.find((e) => {
      const theirs = e.ownerId === ownerId ? assembly.electionBallots[e.unitId] : undefined;
      return theirs !== undefined && !sameFacts(theirs, approved);
    });
    if (other) throw new InvalidStateError(`owner ${ownerId} voted otherwise for unit ${other.unitId}; one owner, one choice`);
  }
  return [
    {
      type: 'OwnersAssemblyElectionBallotCast',
      data: { ...ids(assembly), unitId, ownerId, approvedCandidateIds: approved, castAt: metadata.now },
    },
  ];
}

/** Closes the vote and applies the rule fixed at convening; the event carries the whole reasoning. */
function count(
  { data, metadata }: CountAssemblyVote,
  state: OwnersAssemblyState,
): (OwnersAssemblyMotionCounted | OwnersAssemblyElectionCounted)[] {
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const assembly = requireStatus(state, assemblyId, 'voting', 'counting');
  const { rule } = assembly;
  if (assembly.seats !== null) {
    const ballots = new Map(Object.entries(assembly.electionBallots));
    const result = countElection(assembly.roll, ballots, assembly.candidateIds, assembly.seats, rule);
    return [
      {
        type: 'OwnersAssemblyElectionCounted',
        data: { ...ids(assembly), seats: assembly.seats, rule, ...result, countedAt: metadata.now },
      },
    ];
  }
  const ballots = new Map(Object.entries(assembly.motionBallots));
  const result = countMotion(assembly.roll, ballots, rule, assembly.thresholdClass);
  return [
    {
      type: 'OwnersAssemblyMotionCounted',
      data: {
        ...ids(assembly),
        matter: assembly.matter,
        thresholdClass: assembly.thresholdClass,
        rule,
        ...result,
        countedAt: metadata.now,
      },
    },
  ];
}

export function createOwnersAssemblyDecider(
  policy: AssemblyPolicy = defaultAssemblyPolicy,
): Decider<OwnersAssemblyCommand, OwnersAssemblyEvent, OwnersAssemblyState> {
  const decide = (command: OwnersAssemblyCommand, state: OwnersAssemblyState): OwnersAssemblyEvent[] => {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'ConveneOwnersAssembly':
        return convene({ ...command, metadata }, state, policy);
      case 'RecordOwnerOnRoll':
        return recordOwner({ ...command, metadata }, state);
      case 'NominateCommitteeCandidate':
        return nominate({ ...command, metadata }, state);
      case 'OpenAssemblyVoting':
        return openVoting({ ...command, metadata }, state);
      case 'CastMotionBallot':
        return castMotion({ ...command, metadata }, state);
      case 'CastElectionBallot':
        return castElection({ ...command, metadata }, state);
      case 'CountAssemblyVote':
        return count({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown owners assembly command ${(command as { type: string }).type}`);
      }
    }
  };
  return { decide, evolve, initialState };
}

export const ownersAssemblyDecider = createOwnersAssemblyDecider();
