import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification } from '@cogov/testing';
import { InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import {
  residentDecider,
  type ErasePersonalData,
  type MoveResidentIn,
  type MoveResidentOut,
  type TagVulnerableGroup,
  type UntagVulnerableGroup,
} from './resident.decide.js';
import {
  revealResidentEvent,
  toStoredResidentEvent,
  type ResidentMovedIn,
  type ResidentMovedOut,
  type ResidentPersonalDataErased,
  type Revealed,
  type VulnerableGroupTagged,
  type VulnerableGroupUntagged,
} from './resident.events.js';

const spec = deciderSpecification(residentDecider);
// 2026-11-21 13:11:55 in Asia/Shanghai.
const metadata = { now: '2026-11-21T05:11:55.000Z', actor: 'user-staff-1' };
const encrypted = (subject = 'r-1'): EncryptedField => ({ $pii: 'v1', subject, iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' });
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

const movedIn: ResidentMovedIn = {
  type: 'ResidentMovedIn',
  data: {
    residentId: 'r-1',
    householdId: 'h-1',
    communityId: 'c-1',
    gridId: 'g-1',
    name: encrypted(),
    idNumber: encrypted(),
    phone: encrypted(),
    movedInOn: '2020-03-01',
  },
};
const movedOut: ResidentMovedOut = {
  type: 'ResidentMovedOut',
  data: { residentId: 'r-1', householdId: 'h-1', communityId: 'c-1', movedOutOn: '2026-11-20', reason: 'relocated' },
};
const tagged: Revealed<VulnerableGroupTagged> = {
  type: 'VulnerableGroupTagged',
  data: { residentId: 'r-1', communityId: 'c-1', tag: encrypted() },
  tagCode: 'elderly_living_alone',
};
const untagged: Revealed<VulnerableGroupUntagged> = { ...tagged, type: 'VulnerableGroupUntagged' };
const erased: ResidentPersonalDataErased = {
  type: 'ResidentPersonalDataErased',
  data: { residentId: 'r-1', communityId: 'c-1' },
};

const moveIn = (data: Partial<MoveResidentIn['data']> = {}): MoveResidentIn => ({
  type: 'MoveResidentIn',
  data: { ...movedIn.data, ...data },
  metadata,
});
const moveOut = (data: Partial<MoveResidentOut['data']> = {}): MoveResidentOut => ({
  type: 'MoveResidentOut',
  data: { residentId: 'r-1', movedOutOn: '2026-11-20', reason: 'relocated', ...data },
  metadata,
});
const tag = (data: Partial<TagVulnerableGroup['data']> = {}): TagVulnerableGroup => ({
  type: 'TagVulnerableGroup',
  data: { residentId: 'r-1', tagCode: 'elderly_living_alone', tag: encrypted(), ...data },
  metadata,
});
const untag = (data: Partial<UntagVulnerableGroup['data']> = {}): UntagVulnerableGroup => ({
  ...tag(data),
  type: 'UntagVulnerableGroup',
});
const erase: ErasePersonalData = { type: 'ErasePersonalData', data: { residentId: 'r-1' }, metadata };

describe('resident decider', () => {
  describe('MoveResidentIn (never quiet: a repeated move-in rejects)', () => {
    it('emits ResidentMovedIn for a new resident', () => {
      spec.given([]).when(moveIn()).then([movedIn]);
    });
    it('emits ResidentMovedIn when a moved-out resident comes back', () => {
      const back = moveIn({ householdId: 'h-2', movedInOn: '2026-11-21' });
      spec.given([movedIn, movedOut]).when(back).then([{ type: 'ResidentMovedIn', data: back.data }]);
    });
    it('rejects a resident who already lives here', () => {
      spec.given([movedIn]).when(moveIn()).thenThrows(InvalidStateError);
    });
    it('rejects a resident whose personal data was erased', () => {
      spec.given([movedIn, movedOut, erased]).when(moveIn({ movedInOn: '2026-11-21' })).thenThrows(InvalidStateError);
    });
    it('needs a household and a community', () => {
      spec.given([]).when(moveIn({ householdId: '' })).thenThrows(ValidationError, field('householdId'));
      spec.given([]).when(moveIn({ communityId: ' ' })).thenThrows(ValidationError, field('communityId'));
    });
    it('rejects a personal field encrypted for another subject', () => {
      spec.given([]).when(moveIn({ idNumber: encrypted('r-2') })).thenThrows(ValidationError, field('idNumber'));
    });
    it('rejects an impossible or future move-in date (Asia/Shanghai calendar)', () => {
      spec.given([]).when(moveIn({ movedInOn: '2026-02-30' })).thenThrows(ValidationError, field('movedInOn'));
      spec.given([]).when(moveIn({ movedInOn: '2026-11-22' })).thenThrows(ValidationError, field('movedInOn'));
    });
    it('accepts today in Shanghai even while it is still yesterday in UTC', () => {
      const lateEvening = { ...moveIn({ movedInOn: '2026-11-22' }), metadata: { ...metadata, now: '2026-11-21T16:30:00Z' } };
      spec.given([]).when(lateEvening).then([{ type: 'ResidentMovedIn', data: lateEvening.data }]);
    });
    it('rejects moving back in before the last move-out', () => {
      spec
        .given([movedIn, movedOut])
        .when(moveIn({ movedInOn: '2026-11-19' }))
        .thenThrows(ValidationError, field('movedInOn'));
    });
  });

  describe('MoveResidentOut (never quiet: moving out twice rejects)', () => {
    it('emits ResidentMovedOut with the household and community from the stream', () => {
      spec.given([movedIn]).when(moveOut()).then([movedOut]);
    });
    it('rejects moving out twice', () => {
      spec.given([movedIn, movedOut]).when(moveOut()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown resident', () => {
      spec.given([]).when(moveOut()).thenThrows(NotFoundError);
    });
    it('rejects an unknown reason and a date before the move-in', () => {
      spec
        .given([movedIn])
        .when(moveOut({ reason: 'emigrated' as never }))
        .thenThrows(ValidationError, field('reason'));
      spec.given([movedIn]).when(moveOut({ movedOutOn: '2019-12-31' })).thenThrows(ValidationError, field('movedOutOn'));
    });
    it('still lets an erased resident move out', () => {
      spec.given([movedIn, erased]).when(moveOut()).then([movedOut]);
    });
  });

  describe('TagVulnerableGroup', () => {
    it('emits VulnerableGroupTagged with the encrypted tag (the code stays beside it, in memory)', () => {
      spec.given([movedIn]).when(tag()).then([tagged]);
    });
    it('rejects a moved-out resident', () => {
      spec.given([movedIn, movedOut]).when(tag()).thenThrows(InvalidStateError);
    });
    it('rejects an erased resident', () => {
      spec.given([movedIn, erased]).when(tag()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown resident', () => {
      spec.given([]).when(tag()).thenThrows(NotFoundError);
    });
    it('rejects an unknown tag code and a tag encrypted for another subject', () => {
      spec.given([movedIn]).when(tag({ tagCode: 'rich' as never })).thenThrows(ValidationError, field('tagCode'));
      spec.given([movedIn]).when(tag({ tag: encrypted('r-2') })).thenThrows(ValidationError, field('tag'));
    });
    it('stays quiet when the tag is already present', () => {
      spec.given([movedIn, tagged]).when(tag()).thenNothing();
    });
    it('tags again after an untag', () => {
      spec.given([movedIn, tagged, untagged]).when(tag()).then([tagged]);
    });
  });

  describe('UntagVulnerableGroup', () => {
    it('emits VulnerableGroupUntagged for a present tag', () => {
      spec.given([movedIn, tagged]).when(untag()).then([untagged]);
    });
    it('rejects a moved-out resident', () => {
      spec.given([movedIn, tagged, movedOut]).when(untag()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown resident', () => {
      spec.given([]).when(untag()).thenThrows(NotFoundError);
    });
    it('stays quiet when the tag is not present', () => {
      spec.given([movedIn, tagged]).when(untag({ tagCode: 'disabled' })).thenNothing();
    });
  });

  describe('ErasePersonalData', () => {
    it('emits ResidentPersonalDataErased for a resident', () => {
      spec.given([movedIn, tagged]).when(erase).then([erased]);
    });
    it('emits it for a moved-out resident too', () => {
      spec.given([movedIn, movedOut]).when(erase).then([erased]);
    });
    it('rejects an unknown resident', () => {
      spec.given([]).when(erase).thenThrows(NotFoundError);
    });
    it('stays quiet when already erased', () => {
      spec.given([movedIn, erased]).when(erase).thenNothing();
    });
  });

  describe('stored shape', () => {
    it('drops the revealed tag code before the event is stored', () => {
      expect(toStoredResidentEvent(tagged)).toEqual({ type: tagged.type, data: tagged.data });
      expect(toStoredResidentEvent(movedIn)).toBe(movedIn);
    });
    it('reveals a stored tag from its decrypted plaintext, or null once the key is gone', () => {
      const stored = toStoredResidentEvent(tagged);
      expect(revealResidentEvent(stored, 'elderly_living_alone')).toEqual(tagged);
      expect(revealResidentEvent(stored, '[erased]')).toEqual({ ...tagged, tagCode: null });
    });
    it('folds a tag whose key is gone into no tag at all', () => {
      spec
        .given([movedIn, { ...tagged, tagCode: null }])
        .when(untag())
        .thenNothing();
    });
  });
});
