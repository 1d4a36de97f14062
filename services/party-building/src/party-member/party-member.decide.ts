/**
 * Party member community-registration decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — registering again at the
 * community the member is registered at (the name and phone, being ciphertext, cannot be compared; a
 * change of phone is not modelled yet), ending a registration already ended. A move the state does not
 * allow is an InvalidStateError — registering at a second community while registered at one (end it
 * first: a member registers where they live), ending a registration that never began is NotFoundError.
 * After an end, the member may register again (moving house).
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  type CommandMetadata,
} from '@cogov/domain';
import type {
  PartyMemberCommunityRegistrationEnded,
  PartyMemberEvent,
  PartyMemberRegisteredAtCommunity,
} from './party-member.events.js';
import { evolve, initialState, type PartyMemberState } from './party-member.state.js';

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

export type PartyMemberCommand = RegisterPartyMemberAtCommunity | EndPartyMemberCommunityRegistration;

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

export const partyMemberDecider: Decider<PartyMemberCommand, PartyMemberEvent, PartyMemberState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RegisterPartyMemberAtCommunity':
        return register({ ...command, metadata }, state);
      case 'EndPartyMemberCommunityRegistration':
        return end({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown party member command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
