import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { contractCheckedSpecification } from '@cogov/testing';
import { organisationDecider, type OrganisationCommand, type RegisterOrganisation } from './organisation.decide.js';
import type {
  OrganisationRegistered,
  SocialOrganisationIncubated,
  SocialOrganisationLegallyRegistered,
} from './organisation.events.js';
import { creditCodeCheckCharacter, isValidCreditCode } from '@cogov/domain';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(organisationDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const message = (text: string) => (error: Error) => expect(error.message).toBe(text);

const NOW = '2026-09-01T01:00:00.000Z';
const LATER = '2027-03-01T02:00:00.000Z';
const SCHOOL_CODE = '91350100M000100Y43';
const NGO_CODE = '531100005000000005';

function command<C extends OrganisationCommand>(type: C['type'], data: C['data'], now = NOW): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const school: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: 'o-1',
    communityId: 'c-1',
    name: '和平里第一小学',
    type: 'school',
    creditCode: SCHOOL_CODE,
    incubationStage: null,
    address: '和平里七区 3 号',
    registeredAt: NOW,
  },
};
const ngo: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: 'o-2',
    communityId: 'c-1',
    name: '邻里互助社',
    type: 'social_organisation',
    creditCode: null,
    incubationStage: 'incubating',
    address: '党群服务中心 2 楼',
    registeredAt: NOW,
  },
};
const incubated: SocialOrganisationIncubated = {
  type: 'SocialOrganisationIncubated',
  data: { organisationId: 'o-2', communityId: 'c-1', incubatedAt: LATER },
};
const legallyRegistered: SocialOrganisationLegallyRegistered = {
  type: 'SocialOrganisationLegallyRegistered',
  data: { organisationId: 'o-2', communityId: 'c-1', creditCode: NGO_CODE, legallyRegisteredAt: LATER },
};

const register = (base: OrganisationRegistered, data: Partial<RegisterOrganisation['data']> = {}) => {
  const { registeredAt: _at, ...rest } = base.data;
  return command<RegisterOrganisation>('RegisterOrganisation', { ...rest, ...data });
};
const completeIncubation = (id = 'o-2') => command('CompleteIncubation', { organisationId: id }, LATER);
const recordLegalRegistration = (creditCode = NGO_CODE, id = 'o-2') =>
  command('RecordLegalRegistration', { organisationId: id, creditCode }, LATER);

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character matches, e.g. 91350100M000100Y43', () => {
    expect(isValidCreditCode(SCHOOL_CODE)).toBe(true);
    expect(isValidCreditCode('911100007109288314')).toBe(true);
    expect(creditCodeCheckCharacter('53110000500000000')).toBe('5');
  });
  it('rejects a wrong check character, a wrong length and letters outside the charset (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M00010OY43')).toBe(false);
  });
  it('maps a remainder of 0 to check character 0 (31 → 0)', () => {
    // Σ = 0 for seventeen zeros: 31 − 0 = 31, which wraps to 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });
});

describe('organisation decider', () => {
  describe('RegisterOrganisation (quiet when registered identically)', () => {
    it('emits OrganisationRegistered for a school with a valid credit code', () => {
      spec.given([]).when(register(school)).then([school]);
    });
    it('emits an incubating social organisation without a credit code', () => {
      spec.given([]).when(register(ngo)).then([ngo]);
    });
    it('normalises a lower-case credit code', () => {
      spec.given([]).when(register(school, { creditCode: SCHOOL_CODE.toLowerCase() })).then([school]);
    });
    it('rejects a wrong check character, naming data.creditCode', () => {
      spec
        .given([])
        .when(register(school, { creditCode: '91350100M000100Y44' }))
        .thenThrows(ValidationError, message('data.creditCode has a wrong check character: 4 where 3 is expected'));
    });
    it('rejects a malformed credit code and a missing one', () => {
      spec.given([]).when(register(school, { creditCode: '91350100M000100Y4' })).thenThrows(ValidationError, field('data.creditCode'));
      spec.given([]).when(register(school, { creditCode: null })).thenThrows(ValidationError, field('data.creditCode'));
    });
    it('rejects a stage on a non-social organisation, and a code on an incubating one', () => {
      spec.given([]).when(register(school, { incubationStage: 'incubating' })).thenThrows(ValidationError, field('data.incubationStage'));
      spec.given([]).when(register(ngo, { creditCode: NGO_CODE })).thenThrows(ValidationError, field('data.creditCode'));
      spec.given([]).when(register(ngo, { incubationStage: null })).thenThrows(ValidationError, field('data.incubationStage'));
    });
    it('rejects an unknown type', () => {
      spec.given([]).when(register(school, { type: 'bank' as never })).thenThrows(ValidationError, field('data.type'));
    });
    it('rejects a reused id with other facts', () => {
      spec.given([school]).when(register(school, { name: '和平里中学' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when registered again identically', () => {
      spec.given([school]).when(register(school)).thenNothing();
    });
  });

  describe('CompleteIncubation (lifecycle: a repeat rejects)', () => {
    it('emits SocialOrganisationIncubated for an incubating social organisation', () => {
      spec.given([ngo]).when(completeIncubation()).then([incubated]);
    });
    it('rejects an organisation that is not a social organisation', () => {
      spec.given([school]).when(completeIncubation('o-1')).thenThrows(InvalidStateError);
    });
    it('rejects a second completion (second rejection: lifecycle moves are never quiet)', () => {
      spec
        .given([ngo, incubated])
        .when(completeIncubation())
        .thenThrows(
          InvalidStateError,
          message('social organisation o-2 is incubated; only an incubating one can be marked incubated'),
        );
    });
    it('rejects an unknown organisation', () => {
      spec.given([]).when(completeIncubation()).thenThrows(NotFoundError);
    });
  });

  describe('RecordLegalRegistration (lifecycle: a repeat rejects)', () => {
    it('emits SocialOrganisationLegallyRegistered with the credit code for an incubated social organisation', () => {
      spec.given([ngo, incubated]).when(recordLegalRegistration()).then([legallyRegistered]);
    });
    it('rejects one still incubating', () => {
      spec.given([ngo]).when(recordLegalRegistration()).thenThrows(InvalidStateError);
    });
    it('rejects an invalid credit code', () => {
      spec.given([ngo, incubated]).when(recordLegalRegistration('531100005000000006')).thenThrows(ValidationError, field('data.creditCode'));
    });
    it('rejects a second registration (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([ngo, incubated, legallyRegistered]).when(recordLegalRegistration()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract(['OrganisationRegistered', 'SocialOrganisationIncubated', 'SocialOrganisationLegallyRegistered']);
  });
});
