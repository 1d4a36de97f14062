import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { compoundDecider, type CompoundCommand } from './compound.decide.js';
import type {
  CompoundMarkedRedProperty,
  CompoundOccupancyRecorded,
  CompoundRegistered,
  PropertyServiceContractEnded,
  PropertyServiceContractSigned,
} from './compound.events.js';

const spec = deciderSpecification(contractChecked(compoundDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-03-02T02:00:00.000Z';
const command = <C extends CompoundCommand>(type: C['type'], data: object): C =>
  ({ type, data: { compoundId: 'cp-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const registered: CompoundRegistered = {
  type: 'CompoundRegistered',
  data: {
    compoundId: 'cp-1',
    communityId: 'c-1',
    name: '和平里七区',
    enclosure: 'closed',
    unitCount: 864,
    floorAreaHundredthM2: 7_893_412,
    registeredAt: NOW,
  },
};
const occupancy: CompoundOccupancyRecorded = {
  type: 'CompoundOccupancyRecorded',
  data: { compoundId: 'cp-1', communityId: 'c-1', occupiedUnitCount: 801, unitCount: 864, recordedAt: NOW },
};
const contract = {
  contractId: 'k-1',
  companyId: 'pc-1',
  companyName: '安居物业',
  unifiedSocialCreditCode: '91110105MA01ABCD39',
  startsOn: '2026-04-01',
  endsOn: '2029-03-31',
};
const signed: PropertyServiceContractSigned = {
  type: 'PropertyServiceContractSigned',
  data: { compoundId: 'cp-1', communityId: 'c-1', ...contract, signedAt: NOW },
};
const ended: PropertyServiceContractEnded = {
  type: 'PropertyServiceContractEnded',
  data: { compoundId: 'cp-1', communityId: 'c-1', contractId: 'k-1', companyId: 'pc-1', reason: '合同期满', endedAt: NOW },
};
const marked: CompoundMarkedRedProperty = {
  type: 'CompoundMarkedRedProperty',
  data: { compoundId: 'cp-1', communityId: 'c-1', contractId: 'k-1', companyId: 'pc-1', partyOrganisationId: 'po-9', markedAt: NOW },
};

const { registeredAt: _r, ...registerData } = registered.data;
const register = (data: object = {}) => command('RegisterCompound', { ...registerData, ...data });
const recordOccupancy = (occupiedUnitCount: number) => command('RecordCompoundOccupancy', { occupiedUnitCount });
const sign = (data: object = {}) => command('SignPropertyServiceContract', { ...contract, ...data });
const end = (contractId = 'k-1') => command('EndPropertyServiceContract', { contractId, reason: '合同期满' });
const mark = (partyOrganisationId = 'po-9') => command('MarkRedProperty', { partyOrganisationId });

describe('compound decider', () => {
  describe('RegisterCompound (quiet when registered again with the same data)', () => {
    it('emits CompoundRegistered', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('rejects a used id with other data', () => {
      spec.given([registered]).when(register({ unitCount: 865 })).thenThrows(AlreadyExistsError);
    });
    it('rejects a float area, a zero unit count or an unknown enclosure', () => {
      spec.given([]).when(register({ floorAreaHundredthM2: 78934.12 })).thenThrows(ValidationError, field('floorAreaHundredthM2'));
      spec.given([]).when(register({ unitCount: 0 })).thenThrows(ValidationError, field('unitCount'));
      spec.given([]).when(register({ enclosure: 'gated' })).thenThrows(ValidationError, field('enclosure'));
    });
    it('stays quiet when registered again', () => {
      spec.given([registered]).when(register()).thenNothing();
    });
  });

  describe('RecordCompoundOccupancy (quiet for the occupancy already recorded)', () => {
    it('emits CompoundOccupancyRecorded', () => {
      spec.given([registered]).when(recordOccupancy(801)).then([occupancy]);
    });
    it('rejects more occupied units than units, or an unknown compound', () => {
      spec.given([registered]).when(recordOccupancy(865)).thenThrows(ValidationError, field('occupiedUnitCount'));
      spec.given([]).when(recordOccupancy(1)).thenThrows(NotFoundError);
    });
    it('stays quiet for the same occupancy', () => {
      spec.given([registered, occupancy]).when(recordOccupancy(801)).thenNothing();
    });
  });

  describe('SignPropertyServiceContract (quiet for the contract in force)', () => {
    it('emits PropertyServiceContractSigned', () => {
      spec.given([registered]).when(sign()).then([signed]);
    });
    it('emits a new contract once the previous one ended', () => {
      spec.given([registered, signed, ended]).when(sign({ contractId: 'k-2' })).then([{ ...signed, data: { ...signed.data, contractId: 'k-2' } }]);
    });
    it('rejects a second contract while one is in force, or an ended contract signed again', () => {
      spec.given([registered, signed]).when(sign({ contractId: 'k-2' })).thenThrows(InvalidStateError);
      spec.given([registered, signed, ended]).when(sign()).thenThrows(InvalidStateError);
    });
    it('rejects a malformed credit code or an end before the start', () => {
      spec.given([registered]).when(sign({ unifiedSocialCreditCode: '91110105MA01ABCD3' })).thenThrows(ValidationError, field('unifiedSocialCreditCode'));
      spec.given([registered]).when(sign({ endsOn: '2026-04-01' })).thenThrows(ValidationError, field('endsOn'));
    });
    it('stays quiet when the same contract is signed again', () => {
      spec.given([registered, signed]).when(sign()).thenNothing();
    });
  });

  describe('EndPropertyServiceContract (quiet when already ended)', () => {
    it('emits PropertyServiceContractEnded', () => {
      spec.given([registered, signed]).when(end()).then([ended]);
    });
    it('rejects a contract that is not in force', () => {
      spec.given([registered, signed]).when(end('k-9')).thenThrows(InvalidStateError);
    });
    it('stays quiet when ended again', () => {
      spec.given([registered, signed, ended]).when(end()).thenNothing();
    });
  });

  describe('MarkRedProperty (quiet when marked with the same party organisation)', () => {
    it('emits CompoundMarkedRedProperty for the contract in force', () => {
      spec.given([registered, signed]).when(mark()).then([marked]);
    });
    it('rejects a compound without a contract in force (the mark ends with the contract)', () => {
      spec.given([registered]).when(mark()).thenThrows(InvalidStateError);
      spec.given([registered, signed, marked, ended]).when(mark()).thenThrows(InvalidStateError);
    });
    it('stays quiet when marked again', () => {
      spec.given([registered, signed, marked]).when(mark()).thenNothing();
    });
  });
});
