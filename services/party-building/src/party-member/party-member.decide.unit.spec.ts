import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { partyMemberDecider, type PartyMemberCommand } from './party-member.decide.js';
import type { PartyMemberCommunityRegistrationEnded, PartyMemberRegisteredAtCommunity, PartyMemberServiceHoursCredited } from './party-member.events.js';

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

const credited: PartyMemberServiceHoursCredited = {
  type: 'PartyMemberServiceHoursCredited',
  data: {
    memberId: 'pm-1',
    communityId: 'c-1',
    volunteerId: 'v-1',
    recordId: 'rec-1',
    source: { kind: 'pairing_activity', id: 'a-1' },
    activity: '重阳节敬老志愿服务',
    servedOn: '2026-03-14',
    servedMinutes: 150,
    creditedAt: NOW,
  },
};

const { registeredAt: _r, ...registerData } = registered.data;
const { creditedAt: _c, communityId: _cc, ...creditData } = credited.data;
const credit = (data: object = {}) => command('CreditPartyMemberServiceHours', { ...creditData, ...data });
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

  describe('CreditPartyMemberServiceHours (one credit per ledger record, quiet when repeated identically)', () => {
    it('emits PartyMemberServiceHoursCredited on the member, in the community of their registration', () => {
      spec.given([registered]).when(credit()).then([credited]);
    });
    it('credits a member whose registration ended (hours entered after the service), in that community', () => {
      spec.given([registered, ended]).when(credit()).then([credited]);
    });
    it('keeps the record across registrations: the same record is quiet after moving house', () => {
      spec.given([registered, credited, ended, { ...registered, data: { ...registered.data, communityId: 'c-2' } }]).when(credit()).thenNothing();
    });
    it('stays quiet when the record is credited again identically, and rejects it with other facts', () => {
      spec.given([registered, credited]).when(credit()).thenNothing();
      spec.given([registered, credited]).when(credit({ servedMinutes: 90 })).thenThrows(AlreadyExistsError);
    });
    it('credits two records of the same day separately', () => {
      spec
        .given([registered, credited])
        .when(credit({ recordId: 'rec-2', source: { kind: 'other', id: null } }))
        .then([{ ...credited, data: { ...credited.data, recordId: 'rec-2', source: { kind: 'other', id: null } } }]);
    });
    it('rejects a member never registered', () => {
      spec.given([]).when(credit()).thenThrows(NotFoundError);
    });
    it('rejects minutes outside 1 to 1,440, a date in the future and a missing source, naming the field', () => {
      spec.given([registered]).when(credit({ servedMinutes: 0 })).thenThrows(ValidationError, field('servedMinutes'));
      spec.given([registered]).when(credit({ servedMinutes: 1441 })).thenThrows(ValidationError, field('servedMinutes'));
      spec.given([registered]).when(credit({ servedOn: '2026-03-16' })).thenThrows(ValidationError, field('servedOn'));
      spec.given([registered]).when(credit({ source: null })).thenThrows(ValidationError, field('source'));
      spec.given([registered]).when(credit({ source: { kind: '', id: null } })).thenThrows(ValidationError, field('source.kind'));
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
