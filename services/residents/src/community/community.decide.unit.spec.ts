import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification } from '@cogov/testing';
import { AlreadyExistsError, NotFoundError, ValidationError } from '@cogov/domain';
import { communityDecider, type AssignGridWorker, type DelineateGrid, type RegisterCommunity } from './community.decide.js';
import type { CommunityRegistered, GridDelineated, GridWorkerAssigned } from './community.events.js';

const spec = deciderSpecification(communityDecider);
const metadata = { now: '2026-11-21T05:11:55.000Z', actor: 'user-staff-1' };
const workerName = (subject: string): EncryptedField => ({ $pii: 'v1', subject, iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' });

const registered: CommunityRegistered = {
  type: 'CommunityRegistered',
  data: { communityId: 'c-1', name: '幸福里社区', streetId: 's-1', streetName: '东风街道' },
};
const gridDelineated: GridDelineated = { type: 'GridDelineated', data: { communityId: 'c-1', gridId: 'g-1', name: '第一网格' } };
const workerAssigned: GridWorkerAssigned = {
  type: 'GridWorkerAssigned',
  data: { communityId: 'c-1', gridId: 'g-1', workerId: 'w-1', workerName: workerName('w-1') },
};

const register = (data: Partial<RegisterCommunity['data']> = {}): RegisterCommunity => ({
  type: 'RegisterCommunity',
  data: { ...registered.data, ...data },
  metadata,
});
const delineate = (data: Partial<DelineateGrid['data']> = {}): DelineateGrid => ({
  type: 'DelineateGrid',
  data: { ...gridDelineated.data, ...data },
  metadata,
});
const assign = (data: Partial<AssignGridWorker['data']> = {}): AssignGridWorker => ({
  type: 'AssignGridWorker',
  data: { ...workerAssigned.data, ...data },
  metadata,
});

describe('community decider', () => {
  describe('RegisterCommunity', () => {
    it('emits CommunityRegistered for a new community', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('rejects registering an existing community under other names', () => {
      spec.given([registered]).when(register({ name: '和平里社区' })).thenThrows(AlreadyExistsError);
    });
    it('rejects an empty name, naming the field', () => {
      spec
        .given([])
        .when(register({ streetName: '  ' }))
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('streetName'));
    });
    it('rejects a command without a valid metadata.now', () => {
      spec
        .given([])
        .when({ ...register(), metadata: { now: '2026-11-21 05:11', actor: 'user-staff-1' } })
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('metadata.now'));
    });
    it('stays quiet when the same community is registered again with identical data', () => {
      spec.given([registered]).when(register()).thenNothing();
    });
  });

  describe('DelineateGrid', () => {
    it('emits GridDelineated in a registered community', () => {
      spec.given([registered]).when(delineate()).then([gridDelineated]);
    });
    it('rejects before the community is registered', () => {
      spec.given([]).when(delineate()).thenThrows(NotFoundError);
    });
    it('rejects a grid id already delineated under another name', () => {
      spec.given([registered, gridDelineated]).when(delineate({ name: '第二网格' })).thenThrows(AlreadyExistsError);
    });
    it('rejects a grid name already used by another grid', () => {
      spec.given([registered, gridDelineated]).when(delineate({ gridId: 'g-2' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when the same grid is delineated again', () => {
      spec.given([registered, gridDelineated]).when(delineate()).thenNothing();
    });
  });

  describe('AssignGridWorker', () => {
    it('emits GridWorkerAssigned for a delineated grid', () => {
      spec.given([registered, gridDelineated]).when(assign()).then([workerAssigned]);
    });
    it('replaces the current worker with another one', () => {
      spec
        .given([registered, gridDelineated, workerAssigned])
        .when(assign({ workerId: 'w-2', workerName: workerName('w-2') }))
        .then([{ ...workerAssigned, data: { ...workerAssigned.data, workerId: 'w-2', workerName: workerName('w-2') } }]);
    });
    it('rejects an unknown grid', () => {
      spec.given([registered]).when(assign()).thenThrows(NotFoundError);
    });
    it('rejects a worker name encrypted for another subject', () => {
      spec
        .given([registered, gridDelineated])
        .when(assign({ workerName: workerName('r-1') }))
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('workerName'));
    });
    it('rejects a worker name that is not encrypted', () => {
      spec
        .given([registered, gridDelineated])
        .when(assign({ workerName: '张三' as unknown as EncryptedField }))
        .thenThrows(ValidationError, (error) => expect((error as ValidationError).field).toBe('workerName'));
    });
    it('stays quiet when the same worker is assigned again', () => {
      spec.given([registered, gridDelineated, workerAssigned]).when(assign()).thenNothing();
    });
  });
});
