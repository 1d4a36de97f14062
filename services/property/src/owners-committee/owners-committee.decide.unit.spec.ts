import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { ownersCommitteeDecider, type OwnersCommitteeCommand } from './owners-committee.decide.js';
import type { OwnersCommitteeElected, OwnersCommitteeFiled, OwnersCommitteePreparatoryGroupFormed } from './owners-committee.events.js';

const spec = deciderSpecification(contractChecked(ownersCommitteeDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-08-01T02:00:00.000Z';
const ids = { committeeId: 'oc-1', compoundId: 'cp-1', communityId: 'c-1' };
const command = <C extends OwnersCommitteeCommand>(type: C['type'], data: object): C =>
  ({ type, data: { committeeId: 'oc-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const formed: OwnersCommitteePreparatoryGroupFormed = {
  type: 'OwnersCommitteePreparatoryGroupFormed',
  data: { ...ids, memberIds: ['o1', 'o2', 'staff-1'], formedAt: NOW },
};
const elected: OwnersCommitteeElected = {
  type: 'OwnersCommitteeElected',
  data: { ...ids, assemblyId: 'as-1', memberIds: ['o1', 'o3', 'o5'], electedAt: NOW },
};
const filed: OwnersCommitteeFiled = {
  type: 'OwnersCommitteeFiled',
  data: { ...ids, filedWith: 'street-1', filingNumber: '朝业备〔2026〕17号', filedAt: NOW },
};

const form = (memberIds = ['staff-1', 'o2', 'o1']) =>
  command('FormPreparatoryGroup', { compoundId: 'cp-1', communityId: 'c-1', memberIds });
const recordElection = (memberIds = ['o5', 'o3', 'o1'], assemblyId = 'as-1') => command('RecordCommitteeElection', { assemblyId, memberIds });
const file = (filingNumber = filed.data.filingNumber) => command('FileOwnersCommittee', { filedWith: 'street-1', filingNumber });

describe('owners committee decider', () => {
  describe('FormPreparatoryGroup (quiet when the same group is formed again)', () => {
    it('emits OwnersCommitteePreparatoryGroupFormed, members sorted', () => {
      spec.given([]).when(form()).then([formed]);
    });
    it('rejects an empty or repeating group, or a used id with another group', () => {
      spec.given([]).when(form([])).thenThrows(ValidationError, field('memberIds'));
      spec.given([]).when(form(['o1', 'o1'])).thenThrows(ValidationError, field('memberIds[1]'));
      spec.given([formed]).when(form(['o1'])).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when formed again in any order', () => {
      spec.given([formed]).when(form(['o1', 'staff-1', 'o2'])).thenNothing();
    });
  });

  describe('RecordCommitteeElection (quiet for the same election)', () => {
    it('emits OwnersCommitteeElected', () => {
      spec.given([formed]).when(recordElection()).then([elected]);
    });
    it('rejects an election without a preparatory group, or a different election after one', () => {
      spec.given([]).when(recordElection()).thenThrows(NotFoundError);
      spec.given([formed, elected]).when(recordElection(['o1'], 'as-2')).thenThrows(InvalidStateError);
    });
    it('stays quiet when recorded again', () => {
      spec.given([formed, elected]).when(recordElection()).thenNothing();
    });
  });

  describe('FileOwnersCommittee (quiet for the same filing)', () => {
    it('emits OwnersCommitteeFiled', () => {
      spec.given([formed, elected]).when(file()).then([filed]);
    });
    it('rejects filing before the election, or a second, different filing', () => {
      spec.given([formed]).when(file()).thenThrows(InvalidStateError);
      spec.given([formed, elected, filed]).when(file('other')).thenThrows(InvalidStateError);
    });
    it('stays quiet when filed again', () => {
      spec.given([formed, elected, filed]).when(file()).thenNothing();
    });
  });
});
