/**
 * Owners' committee formation decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — forming the same group
 * again, recording the same election, the same filing. A lifecycle move in the wrong state is an
 * InvalidStateError — electing before a preparatory group exists or after a different election, filing
 * before the election or a second, different filing. A creation under a used id with other data is
 * AlreadyExistsError.
 *
 *   preparing (筹备组) ─record election─▶ elected ─file (备案)─▶ filed
 *
 * The election itself is counted in an owners-assembly stream; the shell records its `elected` list here
 * only when that count's outcome is `elected` (every seat filled).
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireDistinctNonEmptyList,
  requireMetadata,
  requireNonEmpty,
  sameFacts,
  type CommandMetadata,
} from '@cogov/domain';
import type {
  OwnersCommitteeElected,
  OwnersCommitteeEvent,
  OwnersCommitteeFiled,
  OwnersCommitteePreparatoryGroupFormed,
} from './owners-committee.events.js';
import { evolve, initialState, type OwnersCommitteeState } from './owners-committee.state.js';

export type FormPreparatoryGroup = {
  type: 'FormPreparatoryGroup';
  data: { committeeId: string; compoundId: string; communityId: string; memberIds: string[] };
  metadata: CommandMetadata;
};
export type RecordCommitteeElection = {
  type: 'RecordCommitteeElection';
  data: { committeeId: string; assemblyId: string; memberIds: string[] };
  metadata: CommandMetadata;
};
export type FileOwnersCommittee = {
  type: 'FileOwnersCommittee';
  /** `filedWith`: the street office (or township government) that accepted the filing. */
  data: { committeeId: string; filedWith: string; filingNumber: string };
  metadata: CommandMetadata;
};

export type OwnersCommitteeCommand = FormPreparatoryGroup | RecordCommitteeElection | FileOwnersCommittee;

const ids = (s: Exclude<OwnersCommitteeState, { status: 'empty' }>) => ({
  committeeId: s.committeeId,
  compoundId: s.compoundId,
  communityId: s.communityId,
});

function form({ data, metadata }: FormPreparatoryGroup, state: OwnersCommitteeState): OwnersCommitteePreparatoryGroupFormed[] {
  const committeeId = requireNonEmpty(data.committeeId, 'committeeId');
  const formed = {
    committeeId,
    compoundId: requireNonEmpty(data.compoundId, 'compoundId'),
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    memberIds: requireDistinctNonEmptyList(data.memberIds, 'memberIds', 1).sort(),
    formedAt: metadata.now,
  };
  if (state.status !== 'empty') {
    const same =
      state.compoundId === formed.compoundId &&
      state.communityId === formed.communityId &&
      sameFacts(state.preparatoryGroupIds, formed.memberIds);
    if (same) return [];
    throw new AlreadyExistsError('owners committee', committeeId, 'formed with another compound or group');
  }
  return [{ type: 'OwnersCommitteePreparatoryGroupFormed', data: formed }];
}

function recordElection({ data, metadata }: RecordCommitteeElection, state: OwnersCommitteeState): OwnersCommitteeElected[] {
  const committeeId = requireNonEmpty(data.committeeId, 'committeeId');
  const assemblyId = requireNonEmpty(data.assemblyId, 'assemblyId');
  const memberIds = requireDistinctNonEmptyList(data.memberIds, 'memberIds', 1).sort();
  if (state.status === 'empty') throw new NotFoundError('owners committee', committeeId);
  if (state.status !== 'preparing') {
    if (state.assemblyId === assemblyId && sameFacts(state.memberIds, memberIds)) return [];
    throw new InvalidStateError(`owners committee ${committeeId} is ${state.status} by assembly ${state.assemblyId}`);
  }
  return [{ type: 'OwnersCommitteeElected', data: { ...ids(state), assemblyId, memberIds, electedAt: metadata.now } }];
}

function file({ data, metadata }: FileOwnersCommittee, state: OwnersCommitteeState): OwnersCommitteeFiled[] {
  const committeeId = requireNonEmpty(data.committeeId, 'committeeId');
  const filedWith = requireNonEmpty(data.filedWith, 'filedWith');
  const filingNumber = requireNonEmpty(data.filingNumber, 'filingNumber');
  if (state.status === 'empty') throw new NotFoundError('owners committee', committeeId);
  if (state.status === 'filed') {
    if (state.filedWith === filedWith && state.filingNumber === filingNumber) return [];
    throw new InvalidStateError(`owners committee ${committeeId} is already filed as ${state.filingNumber}`);
  }
  if (state.status !== 'elected') {
    throw new InvalidStateError(`owners committee ${committeeId} is ${state.status}; only an elected committee can be filed`);
  }
  return [{ type: 'OwnersCommitteeFiled', data: { ...ids(state), filedWith, filingNumber, filedAt: metadata.now } }];
}

export const ownersCommitteeDecider: Decider<OwnersCommitteeCommand, OwnersCommitteeEvent, OwnersCommitteeState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'FormPreparatoryGroup':
        return form({ ...command, metadata }, state);
      case 'RecordCommitteeElection':
        return recordElection({ ...command, metadata }, state);
      case 'FileOwnersCommittee':
        return file({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown owners committee command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
