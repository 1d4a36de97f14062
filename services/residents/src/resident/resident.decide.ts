/**
 * Resident decisions. Pure; see community.decide.ts for the context's quiet-or-reject rule: moving in
 * and out are lifecycle steps and reject when repeated; tagging, untagging and erasure assert a fact and
 * are quiet when it already holds.
 *
 * Personal fields arrive encrypted for subject = residentId. A vulnerable-group tag arrives twice: as
 * `tag` (encrypted, goes into the event) and as `tagCode` (plaintext, used only to decide, carried in
 * memory as `tagCode` beside the event and never stored — see `Revealed` in resident.events.ts).
 *
 * That the household exists and lies in the given community and grid is a cross-aggregate fact: the
 * command handler checks it against the household before calling decide.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  InvalidStateError,
  NotFoundError,
  requireCalendarDate,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  shanghaiDateOf,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import {
  MOVE_OUT_REASONS,
  VULNERABLE_GROUP_CODES,
  type MoveOutReason,
  type ResidentMovedIn,
  type ResidentMovedOut,
  type ResidentPersonalDataErased,
  type Revealed,
  type RevealedResidentEvent,
  type VulnerableGroupCode,
  type VulnerableGroupTagged,
  type VulnerableGroupUntagged,
} from './resident.events.js';
import { evolve, initialState, type ResidentState } from './resident.state.js';

export type MoveResidentIn = {
  type: 'MoveResidentIn';
  data: {
    residentId: string;
    householdId: string;
    communityId: string;
    gridId: string;
    name: EncryptedField;
    idNumber: EncryptedField;
    phone: EncryptedField;
    /** Asia/Shanghai calendar date, not after today. */
    movedInOn: string;
  };
  metadata: CommandMetadata;
};

export type MoveResidentOut = {
  type: 'MoveResidentOut';
  data: { residentId: string; movedOutOn: string; reason: MoveOutReason };
  metadata: CommandMetadata;
};

export type TagVulnerableGroup = {
  type: 'TagVulnerableGroup';
  data: { residentId: string; tagCode: VulnerableGroupCode; tag: EncryptedField };
  metadata: CommandMetadata;
};

export type UntagVulnerableGroup = {
  type: 'UntagVulnerableGroup';
  data: { residentId: string; tagCode: VulnerableGroupCode; tag: EncryptedField };
  metadata: CommandMetadata;
};

export type ErasePersonalData = {
  type: 'ErasePersonalData';
  data: { residentId: string };
  metadata: CommandMetadata;
};

export type ResidentCommand =
  | MoveResidentIn
  | MoveResidentOut
  | TagVulnerableGroup
  | UntagVulnerableGroup
  | ErasePersonalData;

type Residing = Extract<ResidentState, { status: 'residing' }>;

function requireExisting(state: ResidentState, residentId: string): Exclude<ResidentState, { status: 'empty' }> {
  if (state.status === 'empty') throw new NotFoundError('resident', residentId);
  return state;
}

function requireNotErased(state: ResidentState, residentId: string): void {
  if (state.status !== 'empty' && state.erased) {
    throw new InvalidStateError(
      `the personal data of resident ${residentId} was erased; record the person under a new resident id`,
    );
  }
}

/** The vulnerable-group ledger is kept for current residents only. */
function requireResiding(state: ResidentState, residentId: string): Residing {
  const existing = requireExisting(state, residentId);
  requireNotErased(existing, residentId);
  if (existing.status !== 'residing') {
    throw new InvalidStateError(`resident ${residentId} moved out; only a current resident can be tagged or untagged`);
  }
  return existing;
}

function requireNotInFuture(date: string, now: string, field: string): string {
  if (date > shanghaiDateOf(now)) throw new ValidationError(field, `${field} ${date} is in the future`);
  return date;
}

/**
 * Never quiet. Rejects a resident who already lives here (InvalidStateError: move them out first) and
 * an erased one (InvalidStateError). A moved-out resident may move in again, on or after the move-out day.
 */
function moveResidentIn({ data, metadata }: MoveResidentIn, state: ResidentState): ResidentMovedIn[] {
  const residentId = requireNonEmpty(data.residentId, 'residentId');
  const movedIn: ResidentMovedIn['data'] = {
    residentId,
    householdId: requireNonEmpty(data.householdId, 'householdId'),
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    gridId: requireNonEmpty(data.gridId, 'gridId'),
    name: requireEncrypted(data.name, 'name', residentId),
    idNumber: requireEncrypted(data.idNumber, 'idNumber', residentId),
    phone: requireEncrypted(data.phone, 'phone', residentId),
    movedInOn: requireNotInFuture(requireCalendarDate(data.movedInOn, 'movedInOn'), metadata.now, 'movedInOn'),
  };
  requireNotErased(state, residentId);
  if (state.status === 'residing') {
    throw new InvalidStateError(
      `resident ${residentId} already lives in household ${state.householdId}; move them out first`,
    );
  }
  if (state.status === 'moved_out' && movedIn.movedInOn < state.movedOutOn) {
    throw new ValidationError('movedInOn', `movedInOn is before the last move-out on ${state.movedOutOn}`);
  }
  return [{ type: 'ResidentMovedIn', data: movedIn }];
}

/** Never quiet: moving out twice rejects (InvalidStateError), as does an unknown resident (NotFoundError). */
function moveResidentOut({ data, metadata }: MoveResidentOut, state: ResidentState): ResidentMovedOut[] {
  const residentId = requireNonEmpty(data.residentId, 'residentId');
  const movedOutOn = requireNotInFuture(
    requireCalendarDate(data.movedOutOn, 'movedOutOn'),
    metadata.now,
    'movedOutOn',
  );
  const reason = requireOneOf(data.reason, MOVE_OUT_REASONS, 'reason');
  const existing = requireExisting(state, residentId);
  if (existing.status !== 'residing') {
    throw new InvalidStateError(`resident ${residentId} already moved out on ${existing.movedOutOn}`);
  }
  if (movedOutOn < existing.movedInOn) {
    throw new ValidationError('movedOutOn', `movedOutOn is before the move-in on ${existing.movedInOn}`);
  }
  const { householdId, communityId } = existing;
  return [{ type: 'ResidentMovedOut', data: { residentId, householdId, communityId, movedOutOn, reason } }];
}

function requireTag(data: { residentId: string; tagCode: unknown; tag: unknown }) {
  const residentId = requireNonEmpty(data.residentId, 'residentId');
  return {
    residentId,
    tagCode: requireOneOf(data.tagCode, VULNERABLE_GROUP_CODES, 'tagCode'),
    tag: requireEncrypted(data.tag, 'tag', residentId),
  };
}

/**
 * Quiet when the tag is already present. Rejects an unknown resident (NotFoundError), a moved-out or
 * erased one (InvalidStateError).
 */
function tagVulnerableGroup({ data }: TagVulnerableGroup, state: ResidentState): Revealed<VulnerableGroupTagged>[] {
  const { residentId, tagCode, tag } = requireTag(data);
  const resident = requireResiding(state, residentId);
  if (resident.tagCodes.includes(tagCode)) return [];
  return [{ type: 'VulnerableGroupTagged', data: { residentId, communityId: resident.communityId, tag }, tagCode }];
}

/**
 * Quiet when the tag is not present. Rejects an unknown resident (NotFoundError), a moved-out or erased
 * one (InvalidStateError) — their ledger entries ended with the move-out or the erasure.
 */
function untagVulnerableGroup(
  { data }: UntagVulnerableGroup,
  state: ResidentState,
): Revealed<VulnerableGroupUntagged>[] {
  const { residentId, tagCode, tag } = requireTag(data);
  const resident = requireResiding(state, residentId);
  if (!resident.tagCodes.includes(tagCode)) return [];
  return [{ type: 'VulnerableGroupUntagged', data: { residentId, communityId: resident.communityId, tag }, tagCode }];
}

/**
 * Quiet when already erased. Allowed whether the resident lives here or moved out; an erased current
 * resident can still move out (that event carries no personal field). Unknown resident: NotFoundError.
 */
function erasePersonalData({ data }: ErasePersonalData, state: ResidentState): ResidentPersonalDataErased[] {
  const residentId = requireNonEmpty(data.residentId, 'residentId');
  const existing = requireExisting(state, residentId);
  if (existing.erased) return [];
  return [{ type: 'ResidentPersonalDataErased', data: { residentId, communityId: existing.communityId } }];
}

export function decide(command: ResidentCommand, state: ResidentState): RevealedResidentEvent[] {
  const metadata = requireMetadata(command.metadata);
  switch (command.type) {
    case 'MoveResidentIn':
      return moveResidentIn({ ...command, metadata }, state);
    case 'MoveResidentOut':
      return moveResidentOut({ ...command, metadata }, state);
    case 'TagVulnerableGroup':
      return tagVulnerableGroup(command, state);
    case 'UntagVulnerableGroup':
      return untagVulnerableGroup(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('type', `unknown resident command ${(command as { type: string }).type}`);
    }
  }
}

export const residentDecider: Decider<ResidentCommand, RevealedResidentEvent, ResidentState> = {
  decide,
  evolve,
  initialState,
};
