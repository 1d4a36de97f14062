import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { partyOrganisationDecider, type PartyOrganisationCommand } from './party-organisation.decide.js';
import type {
  FirstSecretaryAppointed,
  PartTimeCadreAppointed,
  PartTimeCadreReleased,
  PartyMassesServiceCentreOpened,
  PartyOrganisationEstablished,
} from './party-organisation.events.js';

const spec = deciderSpecification(contractChecked(partyOrganisationDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const encrypted = (subject: string): EncryptedField => ({ $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' });
const NOW = '2026-03-01T02:00:00.000Z';
const org = { organisationId: 'po-1', communityId: 'c-1' };
const command = <C extends PartyOrganisationCommand>(type: C['type'], data: object): C =>
  ({ type, data: { organisationId: 'po-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } }) as C;

const established: PartyOrganisationEstablished = {
  type: 'PartyOrganisationEstablished',
  data: { ...org, kind: 'general_branch', name: '七区社区党总支', parentOrganisationId: null, hostUnitId: null, establishedAt: NOW },
};
const secretary = (secretaryId = 'fs-1'): FirstSecretaryAppointed => ({
  type: 'FirstSecretaryAppointed',
  data: { ...org, secretaryId, name: encrypted(secretaryId), sendingUnitId: 'unit-1', appointedAt: NOW },
});
const cadre: PartTimeCadreAppointed = {
  type: 'PartTimeCadreAppointed',
  data: { ...org, cadreId: 'cd-1', name: encrypted('cd-1'), pairedUnitId: 'unit-2', appointedAt: NOW },
};
const released: PartTimeCadreReleased = { type: 'PartTimeCadreReleased', data: { ...org, cadreId: 'cd-1', releasedAt: NOW } };
const centre = (centreId = 'ctr-1', kind: 'centre' | 'station' = 'centre'): PartyMassesServiceCentreOpened => ({
  type: 'PartyMassesServiceCentreOpened',
  data: { ...org, centreId, kind, name: '七区党群服务中心', address: '5号楼底商', openedAt: NOW },
});

const { establishedAt: _e, ...establishData } = established.data;
const establish = (data: object = {}) => command('EstablishPartyOrganisation', { ...establishData, ...data });
const appointSecretary = (secretaryId = 'fs-1', name = encrypted(secretaryId)) =>
  command('AppointFirstSecretary', { secretaryId, name, sendingUnitId: 'unit-1' });
const appointCadre = (pairedUnitId = 'unit-2', name = encrypted('cd-1')) => command('AppointPartTimeCadre', { cadreId: 'cd-1', name, pairedUnitId });
const releaseCadre = (cadreId = 'cd-1') => command('ReleasePartTimeCadre', { cadreId });
const openCentre = (centreId = 'ctr-1', kind = 'centre') =>
  command('OpenPartyMassesServiceCentre', { centreId, kind, name: '七区党群服务中心', address: '5号楼底商' });

describe('party organisation decider', () => {
  describe('EstablishPartyOrganisation (quiet when established again with the same data)', () => {
    it('emits PartyOrganisationEstablished', () => {
      spec.given([]).when(establish()).then([established]);
    });
    it('rejects an unknown kind, itself as parent, or a used id with other data', () => {
      spec.given([]).when(establish({ kind: 'committee' })).thenThrows(ValidationError, field('kind'));
      spec.given([]).when(establish({ parentOrganisationId: 'po-1' })).thenThrows(ValidationError, field('parentOrganisationId'));
      spec.given([established]).when(establish({ kind: 'branch' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when established again', () => {
      spec.given([established]).when(establish()).thenNothing();
    });
  });

  describe('AppointFirstSecretary (quiet for the secretary in office; another replaces them)', () => {
    it('emits FirstSecretaryAppointed, and again for a successor', () => {
      spec.given([established]).when(appointSecretary()).then([secretary()]);
      spec.given([established, secretary()]).when(appointSecretary('fs-2')).then([secretary('fs-2')]);
    });
    it('rejects a name not encrypted for the secretary, or an unknown organisation', () => {
      spec.given([established]).when(appointSecretary('fs-1', encrypted('someone-else'))).thenThrows(ValidationError, field('name'));
      spec.given([]).when(appointSecretary()).thenThrows(NotFoundError);
    });
    it('stays quiet for the secretary in office', () => {
      spec.given([established, secretary()]).when(appointSecretary()).thenNothing();
    });
  });

  describe('AppointPartTimeCadre (quiet for a cadre in office for the same paired unit)', () => {
    it('emits PartTimeCadreAppointed, and again after a release', () => {
      spec.given([established]).when(appointCadre()).then([cadre]);
      spec.given([established, cadre, released]).when(appointCadre()).then([cadre]);
    });
    it('rejects a cadre already serving for another paired unit, or a plaintext name', () => {
      spec.given([established, cadre]).when(appointCadre('unit-9')).thenThrows(InvalidStateError);
      spec.given([established]).when(appointCadre('unit-2', '张三' as never)).thenThrows(ValidationError, field('name'));
    });
    it('stays quiet for the cadre in office', () => {
      spec.given([established, cadre]).when(appointCadre()).thenNothing();
    });
  });

  describe('ReleasePartTimeCadre (quiet when already released)', () => {
    it('emits PartTimeCadreReleased', () => {
      spec.given([established, cadre]).when(releaseCadre()).then([released]);
    });
    it('rejects someone who never was a cadre', () => {
      spec.given([established]).when(releaseCadre('cd-9')).thenThrows(InvalidStateError);
    });
    it('stays quiet when released again', () => {
      spec.given([established, cadre, released]).when(releaseCadre()).thenNothing();
    });
  });

  describe('OpenPartyMassesServiceCentre (quiet when the same centre is opened again)', () => {
    it('emits PartyMassesServiceCentreOpened for the centre and for stations', () => {
      spec.given([established]).when(openCentre()).then([centre()]);
      spec.given([established, centre()]).when(openCentre('st-1', 'station')).then([centre('st-1', 'station')]);
    });
    it('rejects a second centre (one per organisation), or a used centre id with other data', () => {
      spec.given([established, centre()]).when(openCentre('ctr-2')).thenThrows(InvalidStateError);
      spec.given([established, centre()]).when(openCentre('ctr-1', 'station')).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when opened again', () => {
      spec.given([established, centre()]).when(openCentre()).thenNothing();
    });
  });
});
