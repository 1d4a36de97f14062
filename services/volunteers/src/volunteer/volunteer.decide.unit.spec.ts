import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { contractCheckedSpecification, fakeEncryptedField as encrypted } from '@cogov/testing';
import { volunteerDecider, type RegisterVolunteer, type VolunteerCommand } from './volunteer.decide.js';
import type {
  VolunteerJoinedTeam,
  VolunteerLeftTeam,
  VolunteerRegistered,
  VolunteerReinstated,
  VolunteerSuspended,
  VolunteerTrainingCompleted,
} from './volunteer.events.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(volunteerDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

const NOW = '2026-09-21T02:00:00.000Z';
const ref = { volunteerId: 'v-1', communityId: 'c-1' };

function command<C extends VolunteerCommand>(type: C['type'], data: C['data'], now = NOW): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const registered: VolunteerRegistered = {
  type: 'VolunteerRegistered',
  data: {
    ...ref,
    linkedTo: { kind: 'resident', id: 'r-1' },
    name: encrypted('v-1'),
    phone: encrypted('v-1'),
    idNumber: encrypted('v-1'),
    skills: ['法律咨询'],
    registeredAt: NOW,
  },
};
const joined: VolunteerJoinedTeam = { type: 'VolunteerJoinedTeam', data: { ...ref, teamId: 't-1', joinedAt: NOW } };
const left: VolunteerLeftTeam = { type: 'VolunteerLeftTeam', data: { ...ref, teamId: 't-1', leftAt: NOW } };
const trained: VolunteerTrainingCompleted = {
  type: 'VolunteerTrainingCompleted',
  data: { ...ref, trainingId: 'tr-1', course: '应急救护培训', provider: '区红十字会', completedOn: '2026-09-20', trainingMinutes: 240, recordedAt: NOW },
};
const suspended: VolunteerSuspended = { type: 'VolunteerSuspended', data: { ...ref, reason: '连续三次报名未到', suspendedAt: NOW } };
const reinstated: VolunteerReinstated = { type: 'VolunteerReinstated', data: { ...ref, reinstatedAt: NOW } };

const { registeredAt: _at, ...registerData } = registered.data;
const register = (data: Partial<RegisterVolunteer['data']> = {}) => command<RegisterVolunteer>('RegisterVolunteer', { ...registerData, ...data });
const join = () => command('JoinVolunteerTeam', { volunteerId: 'v-1', teamId: 't-1' });
const leave = () => command('LeaveVolunteerTeam', { volunteerId: 'v-1', teamId: 't-1' });
const { recordedAt: _r, communityId: _c, ...trainingData } = trained.data;
const train = (data: Partial<typeof trainingData> = {}) => command('RecordVolunteerTraining', { ...trainingData, ...data });
const suspend = () => command('SuspendVolunteer', { volunteerId: 'v-1', reason: '连续三次报名未到' });
const reinstate = () => command('ReinstateVolunteer', { volunteerId: 'v-1' });

describe('volunteer decider', () => {
  describe('RegisterVolunteer (never quiet: personal fields are ciphertext)', () => {
    it('emits VolunteerRegistered with encrypted name, phone and ID number', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('emits a volunteer from an organisation’s staff', () => {
      const staff = register({ linkedTo: { kind: 'organisation_staff', id: 'o-1' } });
      spec.given([]).when(staff).then([{ ...registered, data: { ...registered.data, linkedTo: { kind: 'organisation_staff', id: 'o-1' } } }]);
    });
    it('rejects plaintext or another subject’s key, naming the field', () => {
      spec.given([]).when(register({ phone: '13812345678' as never })).thenThrows(ValidationError, field('data.phone'));
      spec.given([]).when(register({ idNumber: encrypted('r-1') })).thenThrows(ValidationError, field('data.idNumber'));
    });
    it('emits a party member’s volunteer without personal fields of its own (they stay with party-building)', () => {
      const linkedTo = { kind: 'party_member' as const, id: 'pm-1' };
      spec
        .given([])
        .when(register({ linkedTo, name: null, phone: null, idNumber: null, skills: [] }))
        .then([{ ...registered, data: { ...registered.data, linkedTo, name: null, phone: null, idNumber: null, skills: [] } }]);
    });
    it('requires the personal fields of any other volunteer', () => {
      spec.given([]).when(register({ name: null })).thenThrows(ValidationError, field('data.name'));
      spec.given([]).when(register({ linkedTo: { kind: 'organisation_staff', id: 'o-1' }, idNumber: null })).thenThrows(ValidationError, field('data.idNumber'));
    });
    it('rejects an unknown link kind', () => {
      spec.given([]).when(register({ linkedTo: { kind: 'tourist' as never, id: 'x' } })).thenThrows(ValidationError, field('data.linkedTo.kind'));
    });
    it('rejects a registered id (second rejection: a repeat cannot be told from another person)', () => {
      spec.given([registered]).when(register()).thenThrows(AlreadyExistsError);
    });
  });

  describe('JoinVolunteerTeam (quiet when already a member)', () => {
    it('emits VolunteerJoinedTeam', () => {
      spec.given([registered]).when(join()).then([joined]);
    });
    it('rejects a suspended volunteer, and an unknown one', () => {
      spec.given([registered, suspended]).when(join()).thenThrows(InvalidStateError);
      spec.given([]).when(join()).thenThrows(NotFoundError);
    });
    it('stays quiet when already a member', () => {
      spec.given([registered, joined]).when(join()).thenNothing();
    });
  });

  describe('LeaveVolunteerTeam (quiet when not a member)', () => {
    it('emits VolunteerLeftTeam, even while suspended', () => {
      spec.given([registered, joined, suspended]).when(leave()).then([left]);
    });
    it('rejects an unknown volunteer', () => {
      spec.given([]).when(leave()).thenThrows(NotFoundError);
    });
    it('stays quiet when not a member', () => {
      spec.given([registered, joined, left]).when(leave()).thenNothing();
    });
  });

  describe('RecordVolunteerTraining (quiet when recorded identically)', () => {
    it('emits VolunteerTrainingCompleted', () => {
      spec.given([registered]).when(train()).then([trained]);
    });
    it('rejects a completion date in the future and a reused id with other facts', () => {
      spec.given([registered]).when(train({ completedOn: '2026-09-22' })).thenThrows(ValidationError, field('data.completedOn'));
      spec.given([registered, trained]).when(train({ trainingMinutes: 120 })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when recorded again identically', () => {
      spec.given([registered, trained]).when(train()).thenNothing();
    });
  });

  describe('SuspendVolunteer (lifecycle: a repeat rejects)', () => {
    it('emits VolunteerSuspended', () => {
      spec.given([registered]).when(suspend()).then([suspended]);
    });
    it('rejects an unknown volunteer', () => {
      spec.given([]).when(suspend()).thenThrows(NotFoundError);
    });
    it('rejects suspending twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([registered, suspended]).when(suspend()).thenThrows(InvalidStateError);
    });
  });

  describe('ReinstateVolunteer (lifecycle: a repeat rejects)', () => {
    it('emits VolunteerReinstated, after which the volunteer may join teams again', () => {
      spec.given([registered, suspended]).when(reinstate()).then([reinstated]);
      spec.given([registered, suspended, reinstated]).when(join()).then([joined]);
    });
    it('rejects reinstating an active volunteer (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([registered, suspended, reinstated]).when(reinstate()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown volunteer', () => {
      spec.given([]).when(reinstate()).thenThrows(NotFoundError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract([
      'VolunteerRegistered',
      'VolunteerJoinedTeam',
      'VolunteerLeftTeam',
      'VolunteerTrainingCompleted',
      'VolunteerSuspended',
      'VolunteerReinstated',
    ]);
  });
});
