import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification, contractChecked } from '@cogov/testing';
import { InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { partyMemberDecider, type PartyMemberCommand } from './party-member.decide.js';
import type { PartyMemberCommunityRegistrationEnded, PartyMemberRegisteredAtCommunity } from './party-member.events.js';

const spec = deciderSpecification(contractChecked(partyMemberDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const encrypted = (subject: string, ct = 'mQ3x0bZf1k8='): EncryptedField => ({ $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct, tag: 'AAECAwQFBgcICQoLDA0ODw==' });
const NOW = '2026-03-15T02:00:00.000Z';
const command = <C extends PartyMemberCommand>(type: C['type'], data: object): C =>
  ({ type, data: { memberId: 'pm-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const registered: PartyMemberRegisteredAtCommunity = {
  type: 'PartyMemberRegisteredAtCommunity',
  data: {
    memberId: 'pm-1',
    communityId: 'c-1',
    name: encrypted('pm-1'),
    phone: encrypted('pm-1', 'AAAAAAAAAAAAAA=='),
    membershipOrganisation: '市教育局机关第三党支部',
    householdId: 'h-1',
    registeredAt: NOW,
  },
};
const ended: PartyMemberCommunityRegistrationEnded = {
  type: 'PartyMemberCommunityRegistrationEnded',
  data: { memberId: 'pm-1', communityId: 'c-1', reason: '迁出本社区', endedAt: NOW },
};

const { registeredAt: _r, ...registerData } = registered.data;
const register = (data: object = {}) => command('RegisterPartyMemberAtCommunity', { ...registerData, ...data });
const end = () => command('EndPartyMemberCommunityRegistration', { reason: '迁出本社区' });

describe('party member decider', () => {
  describe('RegisterPartyMemberAtCommunity (quiet when registered at the same community)', () => {
    it('emits PartyMemberRegisteredAtCommunity with name and phone encrypted for the member', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('emits a new registration after the previous one ended (moving house)', () => {
      spec.given([registered, ended]).when(register({ communityId: 'c-2' })).then([{ ...registered, data: { ...registered.data, communityId: 'c-2' } }]);
    });
    it('rejects plaintext or wrongly keyed personal data, naming the field', () => {
      spec.given([]).when(register({ phone: '13812345678' })).thenThrows(ValidationError, field('phone'));
      spec.given([]).when(register({ name: encrypted('pm-2') })).thenThrows(ValidationError, field('name'));
    });
    it('rejects a second community while registered at one', () => {
      spec.given([registered]).when(register({ communityId: 'c-2' })).thenThrows(InvalidStateError);
    });
    it('stays quiet when registered again at the same community', () => {
      spec.given([registered]).when(register()).thenNothing();
    });
  });

  describe('EndPartyMemberCommunityRegistration (quiet when already ended)', () => {
    it('emits PartyMemberCommunityRegistrationEnded', () => {
      spec.given([registered]).when(end()).then([ended]);
    });
    it('rejects a member never registered', () => {
      spec.given([]).when(end()).thenThrows(NotFoundError);
    });
    it('stays quiet when ended again', () => {
      spec.given([registered, ended]).when(end()).thenNothing();
    });
  });
});
