/**
 * Household contact (分片包户) decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — assigning the member already
 * assigned, releasing an unassigned household, recording a visit already recorded (same member, date and
 * purpose). A move the state does not allow is an InvalidStateError — a visit by someone who is not the
 * household's contact member, a visit dated in the future. Assigning another member hands the household
 * over (the event is the hand-over). Releasing a household never assigned is NotFoundError.
 *
 * The shell checks that the member is registered at the household's community (party-member stream).
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireCalendarDate,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  shanghaiDateOf,
  type CommandMetadata,
} from '@cogov/domain';
import {
  CONTACT_VISIT_PURPOSES,
  type ContactVisitPurpose,
  type HouseholdContactAssigned,
  type HouseholdContactEvent,
  type HouseholdContactReleased,
  type HouseholdContactVisitRecorded,
} from './household-contact.events.js';
import { evolve, initialState, visitKey, type HouseholdContactState } from './household-contact.state.js';

export type AssignHouseholdContact = {
  type: 'AssignHouseholdContact';
  data: { householdId: string; communityId: string; memberId: string };
  metadata: CommandMetadata;
};
export type ReleaseHouseholdContact = {
  type: 'ReleaseHouseholdContact';
  data: { householdId: string };
  metadata: CommandMetadata;
};
export type RecordContactVisit = {
  type: 'RecordContactVisit';
  data: { householdId: string; memberId: string; visitedOn: string; purpose: ContactVisitPurpose };
  metadata: CommandMetadata;
};

export type HouseholdContactCommand = AssignHouseholdContact | ReleaseHouseholdContact | RecordContactVisit;

function assign({ data, metadata }: AssignHouseholdContact, state: HouseholdContactState): HouseholdContactAssigned[] {
  const householdId = requireNonEmpty(data.householdId, 'householdId');
  const communityId = requireNonEmpty(data.communityId, 'communityId');
  const memberId = requireNonEmpty(data.memberId, 'memberId');
  if (state.status !== 'empty' && state.communityId !== communityId) {
    throw new ValidationError('communityId', `household ${householdId} belongs to community ${state.communityId}`);
  }
  if (state.status === 'assigned' && state.memberId === memberId) return [];
  return [{ type: 'HouseholdContactAssigned', data: { householdId, communityId, memberId, assignedAt: metadata.now } }];
}

function release({ data, metadata }: ReleaseHouseholdContact, state: HouseholdContactState): HouseholdContactReleased[] {
  const householdId = requireNonEmpty(data.householdId, 'householdId');
  if (state.status === 'empty') throw new NotFoundError('household contact', householdId);
  if (state.status === 'unassigned' || state.memberId === null) return [];
  return [
    { type: 'HouseholdContactReleased', data: { householdId, communityId: state.communityId, memberId: state.memberId, releasedAt: metadata.now } },
  ];
}

function visit({ data, metadata }: RecordContactVisit, state: HouseholdContactState): HouseholdContactVisitRecorded[] {
  const householdId = requireNonEmpty(data.householdId, 'householdId');
  const memberId = requireNonEmpty(data.memberId, 'memberId');
  const visitedOn = requireCalendarDate(data.visitedOn, 'visitedOn');
  const purpose = requireOneOf(data.purpose, CONTACT_VISIT_PURPOSES, 'purpose');
  if (state.status === 'empty') throw new NotFoundError('household contact', householdId);
  if (state.visits.includes(visitKey(memberId, visitedOn, purpose))) return [];
  if (state.memberId !== memberId) {
    throw new InvalidStateError(`${memberId} is not the contact member of household ${householdId}`);
  }
  if (visitedOn > shanghaiDateOf(metadata.now)) throw new InvalidStateError(`a visit on ${visitedOn} has not happened yet`);
  return [
    {
      type: 'HouseholdContactVisitRecorded',
      data: { householdId, communityId: state.communityId, memberId, visitedOn, purpose, recordedAt: metadata.now },
    },
  ];
}

export const householdContactDecider: Decider<HouseholdContactCommand, HouseholdContactEvent, HouseholdContactState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'AssignHouseholdContact':
        return assign({ ...command, metadata }, state);
      case 'ReleaseHouseholdContact':
        return release({ ...command, metadata }, state);
      case 'RecordContactVisit':
        return visit({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown household contact command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
