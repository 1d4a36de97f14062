/**
 * Party member community-registration decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — registering again at the
 * community the member is registered at (the name and phone, being ciphertext, cannot be compared; a
 * change of phone is not modelled yet), ending a registration already ended. A move the state does not
 * allow is an InvalidStateError — registering at a second community while registered at one (end it
 * first: a member registers where they live), ending a registration that never began is NotFoundError.
 * After an end, the member may register again (moving house).
 *
 * Service hours (the volunteer-service-record workflow): one credit per hours-ledger record of the member's
 * volunteer — quiet when that record was credited with the same facts, AlreadyExistsError when with others; a
 * member never registered is NotFoundError. Hours are credited whatever the registration's status: the service
 * record is the member's history, and ledger entries may come after the end of the service they record.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireCalendarDate,
  requireEncrypted,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  sameFacts,
  shanghaiDateOf,
  type CommandMetadata,
} from '@cogov/domain';
import type {
  PartyMemberCommunityRegistrationEnded,
  PartyMemberEvent,
  PartyMemberRegisteredAtCommunity,
  PartyMemberServiceHoursCredited,
} from './party-member.events.js';
import { evolve, initialState, type CreditFacts, type PartyMemberState } from './party-member.state.js';

export type RegisterPartyMemberAtCommunity = {
  type: 'RegisterPartyMemberAtCommunity';
  data: {
    memberId: string;
    communityId: string;
    name: EncryptedField;
    phone: EncryptedField;
    membershipOrganisation: string;
    householdId: string | null;
  };
  metadata: CommandMetadata;
};
export type EndPartyMemberCommunityRegistration = {
  type: 'EndPartyMemberCommunityRegistration';
  data: { memberId: string; reason: string };
  metadata: CommandMetadata;
};

export type CreditPartyMemberServiceHours = {
  type: 'CreditPartyMemberServiceHours';
  data: CreditFacts;
  metadata: CommandMetadata;
};

export type PartyMemberCommand = RegisterPartyMemberAtCommunity | EndPartyMemberCommunityRegistration | CreditPartyMemberServiceHours;

const DAY_MINUTES = 24 * 60;

function register({ data, metadata }: RegisterPartyMemberAtCommunity, state: PartyMemberState): PartyMemberRegisteredAtCommunity[] {
  const memberId = requireNonEmpty(data.memberId, 'memberId');
  const registered: PartyMemberRegisteredAtCommunity['data'] = {
    memberId,
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    name: requireEncrypted(data.name, 'name', memberId),
    phone: requireEncrypted(data.phone, 'phone', memberId),
    membershipOrganisation: requireNonEmpty(data.membershipOrganisation, 'membershipOrganisation'),
    householdId: requireNullableNonEmpty(data.householdId, 'householdId'),
    registeredAt: metadata.now,
  };
  if (state.status === 'registered') {
    if (state.communityId === registered.communityId) return [];
    throw new InvalidStateError(`party member ${memberId} is registered at community ${state.communityId}; end that registration first`);
  }
  return [{ type: 'PartyMemberRegisteredAtCommunity', data: registered }];
}

function end({ data, metadata }: EndPartyMemberCommunityRegistration, state: PartyMemberState): PartyMemberCommunityRegistrationEnded[] {
  const memberId = requireNonEmpty(data.memberId, 'memberId');
  const reason = requireNonEmpty(data.reason, 'reason');
  if (state.status === 'empty') throw new NotFoundError('party member', memberId);
  if (state.status === 'ended') return [];
  return [{ type: 'PartyMemberCommunityRegistrationEnded', data: { memberId, communityId: state.communityId, reason, endedAt: metadata.now } }];
}

function creditServiceHours({ data, metadata }: CreditPartyMemberServiceHours, state: PartyMemberState): PartyMemberServiceHoursCredited[] {
  const memberId = requireNonEmpty(data.memberId, 'memberId');
  if (typeof data.source !== 'object' || data.source === null) throw new ValidationError('source', 'source is required');
  const servedOn = requireCalendarDate(data.servedOn, 'servedOn');
  const today = shanghaiDateOf(metadata.now);
  if (servedOn > today) throw new ValidationError('servedOn', `servedOn must not be after today (${today})`);
  const facts: CreditFacts = {
    memberId,
    volunteerId: requireNonEmpty(data.volunteerId, 'volunteerId'),
    recordId: requireNonEmpty(data.recordId, 'recordId'),
    source: { kind: requireNonEmpty(data.source.kind, 'source.kind'), id: requireNullableNonEmpty(data.source.id, 'source.id') },
    activity: requireNonEmpty(data.activity, 'activity').trim(),
    servedOn,
    servedMinutes: requireIntegerInRange(data.servedMinutes, 'servedMinutes', 1, DAY_MINUTES),
  };
  if (state.status === 'empty') throw new NotFoundError('party member', memberId);
  const credited = state.credits[facts.recordId];
  if (credited !== undefined) {
    if (sameFacts(credited, facts)) return [];
    throw new AlreadyExistsError('service hours credit', facts.recordId, `credited as ${credited.servedMinutes} minutes on ${credited.servedOn}`);
  }
  return [{ type: 'PartyMemberServiceHoursCredited', data: { ...facts, communityId: state.communityId, creditedAt: metadata.now } }];
}

export const partyMemberDecider: Decider<PartyMemberCommand, PartyMemberEvent, PartyMemberState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RegisterPartyMemberAtCommunity':
        return register({ ...command, metadata }, state);
      case 'EndPartyMemberCommunityRegistration':
        return end({ ...command, metadata }, state);
      case 'CreditPartyMemberServiceHours':
        return creditServiceHours({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown party member command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
