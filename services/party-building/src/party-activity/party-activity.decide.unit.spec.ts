import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, ValidationError } from '@cogov/domain';
import { partyActivityDecider, type RecordPartyActivityHeld } from './party-activity.decide.js';
import type { PartyActivityHeld } from './party-activity.events.js';

const spec = deciderSpecification(contractChecked(partyActivityDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-09-10T10:00:00.000Z';

const held: PartyActivityHeld = {
  type: 'PartyActivityHeld',
  data: {
    activityId: 'act-1',
    communityId: 'c-1',
    organisationId: 'po-1',
    kind: 'theme_party_day',
    title: '九月主题党日：尊师重教',
    heldOn: '2026-09-10',
    participantCount: 42,
    registeredMemberCount: 17,
    recordedAt: NOW,
  },
};
const { recordedAt: _r, ...recordData } = held.data;
const record = (data: Partial<RecordPartyActivityHeld['data']> = {}): RecordPartyActivityHeld => ({
  type: 'RecordPartyActivityHeld',
  data: { ...recordData, ...data },
  metadata: { now: NOW, actor: 'user-staff-1' },
});

describe('party activity decider', () => {
  describe('RecordPartyActivityHeld (quiet when recorded again with the same facts)', () => {
    it('emits PartyActivityHeld', () => {
      spec.given([]).when(record()).then([held]);
    });
    it('rejects more registered members than participants, a future date, or a used id with other facts', () => {
      spec.given([]).when(record({ registeredMemberCount: 43 })).thenThrows(ValidationError, field('registeredMemberCount'));
      spec.given([]).when(record({ heldOn: '2026-09-11' })).thenThrows(InvalidStateError);
      spec.given([held]).when(record({ participantCount: 40 })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when recorded again', () => {
      spec.given([held]).when(record()).thenNothing();
    });
  });
});
