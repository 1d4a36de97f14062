/**
 * Volunteer decisions. Pure: time and actor come from the command metadata, personal fields arrive already
 * encrypted for subject = volunteerId (the shell encrypts before decide).
 *
 * Idempotency, the rule of the volunteers and organisations contexts (as in residents): a command that
 * *asserts a fact* returns [] when the fact already holds exactly (joining a team one is in, leaving one one
 * is not in, recording a training again) and rejects when it holds differently; a command that *moves a
 * lifecycle on* rejects outside its source state, repeats included.
 *
 *   active ─suspend─▶ suspended ─reinstate─▶ active
 *
 * Registration is never quiet: its personal fields are ciphertext, so a repeat cannot be told from another
 * person under a reused id. Name, phone and ID number are required, except for a volunteer linked to a party
 * member, who may be registered without them (null: the member's own stay under party-building's keys). A suspended volunteer joins no team (and the shell signs them up for nothing);
 * leaving teams and recording past training remain possible.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireCalendarDate,
  requireDistinctNonEmptyList,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  requirePositiveInteger,
  sameFacts,
  shanghaiDateOf,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import {
  VOLUNTEER_LINK_KINDS,
  type VolunteerEvent,
  type VolunteerJoinedTeam,
  type VolunteerLeftTeam,
  type VolunteerLink,
  type VolunteerRegistered,
  type VolunteerReinstated,
  type VolunteerSuspended,
  type VolunteerTrainingCompleted,
} from './volunteer.events.js';
import { evolve, initialState, type TrainingFacts, type VolunteerState } from './volunteer.state.js';

export type RegisterVolunteer = {
  type: 'RegisterVolunteer';
  data: {
    volunteerId: string;
    communityId: string;
    linkedTo: VolunteerLink;
    /** Null only when linked to a party member; likewise phone and idNumber. */
    name: EncryptedField | null;
    phone: EncryptedField | null;
    idNumber: EncryptedField | null;
    skills: string[];
  };
  metadata: CommandMetadata;
};

export type JoinVolunteerTeam = {
  type: 'JoinVolunteerTeam';
  data: { volunteerId: string; teamId: string };
  metadata: CommandMetadata;
};

export type LeaveVolunteerTeam = {
  type: 'LeaveVolunteerTeam';
  data: { volunteerId: string; teamId: string };
  metadata: CommandMetadata;
};

export type RecordVolunteerTraining = {
  type: 'RecordVolunteerTraining';
  data: {
    volunteerId: string;
    trainingId: string;
    course: string;
    provider: string;
    completedOn: string;
    trainingMinutes: number;
  };
  metadata: CommandMetadata;
};

export type SuspendVolunteer = {
  type: 'SuspendVolunteer';
  data: { volunteerId: string; reason: string };
  metadata: CommandMetadata;
};

export type ReinstateVolunteer = { type: 'ReinstateVolunteer'; data: { volunteerId: string }; metadata: CommandMetadata };

export type VolunteerCommand =
  | RegisterVolunteer
  | JoinVolunteerTeam
  | LeaveVolunteerTeam
  | RecordVolunteerTraining
  | SuspendVolunteer
  | ReinstateVolunteer;

type Existing = Exclude<VolunteerState, { status: 'empty' }>;

function requireVolunteer(state: VolunteerState, volunteerId: string): Existing {
  if (state.status === 'empty') throw new NotFoundError('volunteer', volunteerId);
  return state;
}

/** Never quiet: an existing volunteer rejects (AlreadyExistsError), see above. */
function registerVolunteer({ data, metadata }: RegisterVolunteer, state: VolunteerState): VolunteerRegistered[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  if (typeof data.linkedTo !== 'object' || data.linkedTo === null) {
    throw new ValidationError('data.linkedTo', 'data.linkedTo is required');
  }
  const kind = requireOneOf(data.linkedTo.kind, VOLUNTEER_LINK_KINDS, 'data.linkedTo.kind');
  // Only a party member's volunteer may come without personal fields of its own.
  const personal = (value: unknown, field: string): EncryptedField | null =>
    value === null && kind === 'party_member' ? null : requireEncrypted(value, field, volunteerId);
  const registered: VolunteerRegistered['data'] = {
    volunteerId,
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    linkedTo: { kind, id: requireNonEmpty(data.linkedTo.id, 'data.linkedTo.id') },
    name: personal(data.name, 'data.name'),
    phone: personal(data.phone, 'data.phone'),
    idNumber: personal(data.idNumber, 'data.idNumber'),
    skills: requireDistinctNonEmptyList(data.skills, 'data.skills'),
    registeredAt: metadata.now,
  };
  if (state.status !== 'empty') throw new AlreadyExistsError('volunteer', volunteerId);
  return [{ type: 'VolunteerRegistered', data: registered }];
}

/** Quiet when already a member. A suspended volunteer cannot join (InvalidStateError). */
function joinTeam({ data, metadata }: JoinVolunteerTeam, state: VolunteerState): VolunteerJoinedTeam[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const teamId = requireNonEmpty(data.teamId, 'data.teamId');
  const volunteer = requireVolunteer(state, volunteerId);
  if (volunteer.teamIds.includes(teamId)) return [];
  if (volunteer.status === 'suspended') {
    throw new InvalidStateError(`volunteer ${volunteerId} is suspended; only an active volunteer can join a team`);
  }
  return [{ type: 'VolunteerJoinedTeam', data: { volunteerId, communityId: volunteer.communityId, teamId, joinedAt: metadata.now } }];
}

/** Quiet when not a member. */
function leaveTeam({ data, metadata }: LeaveVolunteerTeam, state: VolunteerState): VolunteerLeftTeam[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const teamId = requireNonEmpty(data.teamId, 'data.teamId');
  const volunteer = requireVolunteer(state, volunteerId);
  if (!volunteer.teamIds.includes(teamId)) return [];
  return [{ type: 'VolunteerLeftTeam', data: { volunteerId, communityId: volunteer.communityId, teamId, leftAt: metadata.now } }];
}

/** Quiet when this training id was recorded with identical facts; AlreadyExistsError when with others. */
function recordTraining(
  { data, metadata }: RecordVolunteerTraining,
  state: VolunteerState,
): VolunteerTrainingCompleted[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const trainingId = requireNonEmpty(data.trainingId, 'data.trainingId');
  const course = requireNonEmpty(data.course, 'data.course').trim();
  const provider = requireNonEmpty(data.provider, 'data.provider').trim();
  const completedOn = requireCalendarDate(data.completedOn, 'data.completedOn');
  const trainingMinutes = requirePositiveInteger(data.trainingMinutes, 'data.trainingMinutes');
  const today = shanghaiDateOf(metadata.now);
  if (completedOn > today) throw new ValidationError('data.completedOn', `data.completedOn must not be after today (${today})`);
  const volunteer = requireVolunteer(state, volunteerId);
  const facts: TrainingFacts = {
    volunteerId,
    communityId: volunteer.communityId,
    trainingId,
    course,
    provider,
    completedOn,
    trainingMinutes,
  };
  const recorded = volunteer.trainings[trainingId];
  if (recorded !== undefined) {
    if (sameFacts(recorded, facts)) return [];
    throw new AlreadyExistsError('training', trainingId, `recorded as ${recorded.course} on ${recorded.completedOn}`);
  }
  return [{ type: 'VolunteerTrainingCompleted', data: { ...facts, recordedAt: metadata.now } }];
}

/** Lifecycle: only an active volunteer can be suspended; suspending twice is InvalidStateError. */
function suspend({ data, metadata }: SuspendVolunteer, state: VolunteerState): VolunteerSuspended[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const volunteer = requireVolunteer(state, volunteerId);
  if (volunteer.status !== 'active') {
    throw new InvalidStateError(`volunteer ${volunteerId} is suspended; only an active volunteer can be suspended`);
  }
  return [{ type: 'VolunteerSuspended', data: { volunteerId, communityId: volunteer.communityId, reason, suspendedAt: metadata.now } }];
}

/** Lifecycle: only a suspended volunteer can be reinstated; reinstating an active one is InvalidStateError. */
function reinstate({ data, metadata }: ReinstateVolunteer, state: VolunteerState): VolunteerReinstated[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const volunteer = requireVolunteer(state, volunteerId);
  if (volunteer.status !== 'suspended') {
    throw new InvalidStateError(`volunteer ${volunteerId} is active; only a suspended volunteer can be reinstated`);
  }
  return [{ type: 'VolunteerReinstated', data: { volunteerId, communityId: volunteer.communityId, reinstatedAt: metadata.now } }];
}

export const volunteerDecider: Decider<VolunteerCommand, VolunteerEvent, VolunteerState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RegisterVolunteer':
        return registerVolunteer({ ...command, metadata }, state);
      case 'JoinVolunteerTeam':
        return joinTeam({ ...command, metadata }, state);
      case 'LeaveVolunteerTeam':
        return leaveTeam({ ...command, metadata }, state);
      case 'RecordVolunteerTraining':
        return recordTraining({ ...command, metadata }, state);
      case 'SuspendVolunteer':
        return suspend({ ...command, metadata }, state);
      case 'ReinstateVolunteer':
        return reinstate({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown volunteer command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};

export const decide = volunteerDecider.decide;
