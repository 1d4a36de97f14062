import { deciderSpecification } from '@cogov/testing';
import { AlreadyExistsError, ValidationError } from '@cogov/domain';
import { householdDecider, type RegisterHousehold } from './household.decide.js';
import type { HouseholdRegistered } from './household.events.js';

const spec = deciderSpecification(householdDecider);
const metadata = { now: '2026-11-21T05:11:55.000Z', actor: 'user-staff-1' };

const registered: HouseholdRegistered = {
  type: 'HouseholdRegistered',
  data: {
    householdId: 'h-1',
    communityId: 'c-1',
    gridId: 'g-1',
    address: { compound: '幸福小区', building: '3', unit: '2', room: '501' },
  },
};
const register = (data: Partial<RegisterHousehold['data']> = {}): RegisterHousehold => ({
  type: 'RegisterHousehold',
  data: { ...registered.data, ...data },
  metadata,
});

describe('household decider', () => {
  describe('RegisterHousehold', () => {
    it('emits HouseholdRegistered for a new household', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('rejects registering an existing household at another address', () => {
      spec
        .given([registered])
        .when(register({ address: { ...registered.data.address, room: '502' } }))
        .thenThrows(AlreadyExistsError);
    });
    it('rejects an existing household moved to another grid', () => {
      spec.given([registered]).when(register({ gridId: 'g-2' })).thenThrows(AlreadyExistsError);
    });
    it('rejects an address part left empty, naming it', () => {
      spec
        .given([])
        .when(register({ address: { ...registered.data.address, room: '' } }))
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('address.room'));
    });
    it('rejects a missing community', () => {
      spec
        .given([])
        .when(register({ communityId: '' }))
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('communityId'));
    });
    it('stays quiet when the same household is registered again with identical data', () => {
      spec.given([registered]).when(register()).thenNothing();
    });
  });
});
