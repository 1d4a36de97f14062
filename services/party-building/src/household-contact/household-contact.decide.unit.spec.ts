import { deciderSpecification, contractChecked } from '@cogov/testing';
import { InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { householdContactDecider, type HouseholdContactCommand } from './household-contact.decide.js';
import type { HouseholdContactAssigned, HouseholdContactReleased, HouseholdContactVisitRecorded } from './household-contact.events.js';

const spec = deciderSpecification(contractChecked(householdContactDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
// 2026-04-02 10:00 in Shanghai.
const NOW = '2026-04-02T02:00:00.000Z';
const command = <C extends HouseholdContactCommand>(type: C['type'], data: object): C =>
  ({ type, data: { householdId: 'h-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const assigned = (memberId = 'pm-1'): HouseholdContactAssigned => ({
  type: 'HouseholdContactAssigned',
  data: { householdId: 'h-1', communityId: 'c-1', memberId, assignedAt: NOW },
});
const released: HouseholdContactReleased = {
  type: 'HouseholdContactReleased',
  data: { householdId: 'h-1', communityId: 'c-1', memberId: 'pm-1', releasedAt: NOW },
};
const visited: HouseholdContactVisitRecorded = {
  type: 'HouseholdContactVisitRecorded',
  data: { householdId: 'h-1', communityId: 'c-1', memberId: 'pm-1', visitedOn: '2026-04-02', purpose: 'regular_contact', recordedAt: NOW },
};

const assign = (memberId = 'pm-1', communityId = 'c-1') => command('AssignHouseholdContact', { communityId, memberId });
const release = () => command('ReleaseHouseholdContact', {});
const visit = (data: object = {}) => command('RecordContactVisit', { memberId: 'pm-1', visitedOn: '2026-04-02', purpose: 'regular_contact', ...data });

describe('household contact decider', () => {
  describe('AssignHouseholdContact (quiet for the member already assigned; another takes over)', () => {
    it('emits HouseholdContactAssigned, and again to hand over', () => {
      spec.given([]).when(assign()).then([assigned()]);
      spec.given([assigned()]).when(assign('pm-2')).then([assigned('pm-2')]);
    });
    it('rejects the household under another community', () => {
      spec.given([assigned()]).when(assign('pm-2', 'c-9')).thenThrows(ValidationError, field('communityId'));
    });
    it('stays quiet for the member already assigned', () => {
      spec.given([assigned()]).when(assign()).thenNothing();
    });
  });

  describe('ReleaseHouseholdContact (quiet when unassigned)', () => {
    it('emits HouseholdContactReleased', () => {
      spec.given([assigned()]).when(release()).then([released]);
    });
    it('rejects a household never assigned', () => {
      spec.given([]).when(release()).thenThrows(NotFoundError);
    });
    it('stays quiet when released again', () => {
      spec.given([assigned(), released]).when(release()).thenNothing();
    });
  });

  describe('RecordContactVisit (quiet for a visit already recorded)', () => {
    it("emits HouseholdContactVisitRecorded by the household's member, on today's Shanghai date", () => {
      spec.given([assigned()]).when(visit()).then([visited]);
    });
    it('rejects a visit by another member, after release, or dated tomorrow', () => {
      spec.given([assigned('pm-2')]).when(visit()).thenThrows(InvalidStateError);
      spec.given([assigned(), released]).when(visit()).thenThrows(InvalidStateError);
      spec.given([assigned()]).when(visit({ visitedOn: '2026-04-03' })).thenThrows(InvalidStateError);
      spec.given([assigned()]).when(visit({ purpose: 'chat' })).thenThrows(ValidationError, field('purpose'));
    });
    it('stays quiet for the same visit recorded again, even after a hand-over', () => {
      spec.given([assigned(), visited]).when(visit()).thenNothing();
      spec.given([assigned(), visited, assigned('pm-2')]).when(visit()).thenNothing();
    });
  });
});
