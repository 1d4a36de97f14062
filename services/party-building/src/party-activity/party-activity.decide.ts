/**
 * Party activity decisions. Pure.
 *
 * Idempotency policy: recording an activity already recorded with the same facts is quiet (`[]`); the
 * same id with other facts is AlreadyExistsError (a correction would be its own event, not modelled yet).
 * An activity is recorded once held: a date after today (Asia/Shanghai) is an InvalidStateError.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  ValidationError,
  requireCalendarDate,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  shanghaiDateOf,
  type CommandMetadata,
} from '@cogov/domain';
import { PARTY_ACTIVITY_KINDS, type PartyActivityEvent, type PartyActivityHeld, type PartyActivityKind } from './party-activity.events.js';
import { evolve, initialState, type PartyActivityState } from './party-activity.state.js';

export type RecordPartyActivityHeld = {
  type: 'RecordPartyActivityHeld';
  data: {
    activityId: string;
    communityId: string;
    organisationId: string;
    kind: PartyActivityKind;
    title: string;
    heldOn: string;
    participantCount: number;
    registeredMemberCount: number;
  };
  metadata: CommandMetadata;
};

export type PartyActivityCommand = RecordPartyActivityHeld;

function record({ data, metadata }: RecordPartyActivityHeld, state: PartyActivityState): PartyActivityHeld[] {
  const activityId = requireNonEmpty(data.activityId, 'activityId');
  const participantCount = requireIntegerInRange(data.participantCount, 'participantCount', 1);
  const activity = {
    activityId,
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    organisationId: requireNonEmpty(data.organisationId, 'organisationId'),
    kind: requireOneOf(data.kind, PARTY_ACTIVITY_KINDS, 'kind'),
    title: requireNonEmpty(data.title, 'title'),
    heldOn: requireCalendarDate(data.heldOn, 'heldOn'),
    participantCount,
    registeredMemberCount: requireIntegerInRange(data.registeredMemberCount, 'registeredMemberCount', 0, participantCount),
  };
  if (state.status === 'held') {
    const same = (Object.keys(activity) as (keyof typeof activity)[]).every((k) => state.activity[k] === activity[k]);
    if (same) return [];
    throw new AlreadyExistsError('party activity', activityId, 'recorded with other facts');
  }
  if (activity.heldOn > shanghaiDateOf(metadata.now)) {
    throw new InvalidStateError(`an activity on ${activity.heldOn} has not been held yet`);
  }
  return [{ type: 'PartyActivityHeld', data: { ...activity, recordedAt: metadata.now } }];
}

export const partyActivityDecider: Decider<PartyActivityCommand, PartyActivityEvent, PartyActivityState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RecordPartyActivityHeld':
        return record({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command.type;
        throw new ValidationError('type', `unknown party activity command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
