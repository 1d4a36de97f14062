import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { deciderSpecification, contractCheckedSpecification, fakeEncryptedField as encrypted } from '@cogov/testing';
import { createHoursLedgerDecider, hoursLedgerDecider, type HoursLedgerCommand, type RecordServiceHours } from './hours-ledger.decide.js';
import type {
  ServiceCertificateIssued,
  ServiceCertificateRevoked,
  ServiceHoursRecorded,
  VolunteerStarLevelReached,
} from './hours-ledger.events.js';
import { createLedgerPolicy, defaultLedgerPolicy, starLevelOf, workingDaysAfter } from './ledger-policy.js';
import { verificationCodeOf } from './verification-code.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(hoursLedgerDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

// Served on Friday 2026-03-06. Ten working days later is Friday 2026-03-20; the next is Monday 2026-03-23.
const SERVED_ON = '2026-03-06';
const NEXT_MONDAY = '2026-03-09T02:00:00.000Z';
const TENTH_WORKING_DAY = '2026-03-20T02:00:00.000Z';
const SATURDAY_AFTER = '2026-03-21T02:00:00.000Z';
const ELEVENTH_WORKING_DAY = '2026-03-23T02:00:00.000Z';
const ENTROPY = '00112233445566778899aabbccddeeff';
const CODE = '0024H-36H2N-CSVRH-6DAQF-6DVVQZ';

function command<C extends HoursLedgerCommand>(type: C['type'], data: C['data'], now = NEXT_MONDAY): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const recordData: RecordServiceHours['data'] = {
  volunteerId: 'v-1',
  communityId: 'c-1',
  recordId: 'rec-1',
  source: { kind: 'opportunity', id: 'op-1' },
  activity: '清理楼道杂物',
  servedOn: SERVED_ON,
  place: '和平里七区 12 号楼',
  content: '清理楼道堆放杂物，消除消防隐患',
  organisingUnit: '和平里社区居委会',
  personInChargeId: 'u-9',
  personInChargeName: encrypted('u-9'),
  servedMinutes: 180,
};
const recorded = (over: Partial<ServiceHoursRecorded['data']> = {}): ServiceHoursRecorded => ({
  type: 'ServiceHoursRecorded',
  data: {
    ...recordData,
    workingDaysToRecord: 1,
    late: false,
    cumulativeMinutes: 180,
    recordedBy: 'user-staff-1',
    recordedAt: NEXT_MONDAY,
    ...over,
  },
});
/** History: 98 hours already in the ledger from an earlier record. */
const history = recorded({ recordId: 'rec-0', source: { kind: 'other', id: null }, servedMinutes: 600, cumulativeMinutes: 98 * 60 });
const starReached: VolunteerStarLevelReached = {
  type: 'VolunteerStarLevelReached',
  data: { volunteerId: 'v-1', communityId: 'c-1', starLevel: 1, previousStarLevel: 0, cumulativeMinutes: 100 * 60, reachedAt: NEXT_MONDAY },
};
const issued: ServiceCertificateIssued = {
  type: 'ServiceCertificateIssued',
  data: {
    volunteerId: 'v-1',
    communityId: 'c-1',
    certificateId: 'cert-1',
    verificationCode: CODE,
    cumulativeMinutes: 180,
    recordCount: 1,
    starLevel: 0,
    issuedBy: 'user-staff-1',
    issuedAt: NEXT_MONDAY,
  },
};
const revoked: ServiceCertificateRevoked = {
  type: 'ServiceCertificateRevoked',
  data: { volunteerId: 'v-1', communityId: 'c-1', certificateId: 'cert-1', verificationCode: CODE, reason: '时长有误', revokedAt: NEXT_MONDAY },
};

const record = (data: Partial<RecordServiceHours['data']> = {}, now = NEXT_MONDAY) =>
  command<RecordServiceHours>('RecordServiceHours', { ...recordData, ...data }, now);
const issue = (entropy = ENTROPY, certificateId = 'cert-1') =>
  command('IssueServiceCertificate', { volunteerId: 'v-1', communityId: 'c-1', certificateId, entropy });
const revoke = () => command('RevokeServiceCertificate', { volunteerId: 'v-1', certificateId: 'cert-1', reason: '时长有误' });

describe('ledger policy', () => {
  it('counts working days Monday to Friday across weekends', () => {
    expect(workingDaysAfter(defaultLedgerPolicy, SERVED_ON, '2026-03-06')).toBe(0);
    expect(workingDaysAfter(defaultLedgerPolicy, SERVED_ON, '2026-03-08')).toBe(0);
    expect(workingDaysAfter(defaultLedgerPolicy, SERVED_ON, '2026-03-20')).toBe(10);
    expect(workingDaysAfter(defaultLedgerPolicy, SERVED_ON, '2026-03-23')).toBe(11);
  });
  it('skips configured holidays and counts make-up working days', () => {
    const policy = createLedgerPolicy({ holidays: ['2026-03-10'], makeUpWorkingDays: ['2026-03-14'] });
    expect(workingDaysAfter(policy, SERVED_ON, '2026-03-13')).toBe(4);
    expect(workingDaysAfter(policy, SERVED_ON, '2026-03-14')).toBe(5);
  });
  it('gives star levels at 100/300/600/1000/1500 hours by default', () => {
    expect([99, 100, 299, 300, 600, 999, 1000, 1500, 5000].map((h) => starLevelOf(defaultLedgerPolicy, h * 60))).toEqual([
      0, 1, 1, 2, 3, 3, 4, 5, 5,
    ]);
    expect(starLevelOf(defaultLedgerPolicy, 100 * 60 - 1)).toBe(0);
  });
  it('refuses thresholds that do not ascend', () => {
    expect(() => createLedgerPolicy({ starThresholdsHours: [100, 100] })).toThrow(RangeError);
  });
  it('makes a 26-character Crockford base32 verification code of the 128 bits', () => {
    expect(verificationCodeOf(ENTROPY)).toBe(CODE);
    expect(verificationCodeOf('ffffffffffffffffffffffffffffffff')).toBe('7ZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZZ');
  });
});

describe('hours ledger decider', () => {
  describe('RecordServiceHours (quiet when recorded identically)', () => {
    it('emits ServiceHoursRecorded on time, with the cumulative minutes', () => {
      spec.given([]).when(record()).then([recorded()]);
    });
    it('emits a record entered exactly 10 working days later as on time', () => {
      spec
        .given([])
        .when(record({}, TENTH_WORKING_DAY))
        .then([recorded({ workingDaysToRecord: 10, late: false, recordedAt: TENTH_WORKING_DAY })]);
    });
    it('emits a record entered on the Saturday after as still on time (10 working days)', () => {
      spec
        .given([])
        .when(record({}, SATURDAY_AFTER))
        .then([recorded({ workingDaysToRecord: 10, late: false, recordedAt: SATURDAY_AFTER })]);
    });
    it('flags a record entered 11 working days later as late', () => {
      spec
        .given([])
        .when(record({}, ELEVENTH_WORKING_DAY))
        .then([recorded({ workingDaysToRecord: 11, late: true, recordedAt: ELEVENTH_WORKING_DAY })]);
    });
    it('counts a configured public holiday out of the working days', () => {
      deciderSpecification(createHoursLedgerDecider(createLedgerPolicy({ holidays: ['2026-03-16'] })))
        .given([])
        .when(record({}, ELEVENTH_WORKING_DAY))
        .then([recorded({ workingDaysToRecord: 10, late: false, recordedAt: ELEVENTH_WORKING_DAY })]);
    });
    it('emits VolunteerStarLevelReached when the hours reach exactly 100', () => {
      spec
        .given([history])
        .when(record({ servedMinutes: 120 }))
        .then([recorded({ servedMinutes: 120, cumulativeMinutes: 100 * 60 }), starReached]);
    });
    it('emits no star level one minute short of 100 hours', () => {
      spec
        .given([history])
        .when(record({ servedMinutes: 119 }))
        .then([recorded({ servedMinutes: 119, cumulativeMinutes: 100 * 60 - 1 })]);
    });
    it('rejects a future service date, more than a day of minutes, and a missing civil-affairs field', () => {
      spec.given([]).when(record({ servedOn: '2026-03-10' })).thenThrows(ValidationError, field('data.servedOn'));
      spec.given([]).when(record({ servedMinutes: 1441 })).thenThrows(ValidationError, field('data.servedMinutes'));
      spec.given([]).when(record({ organisingUnit: ' ' })).thenThrows(ValidationError, field('data.organisingUnit'));
      spec.given([]).when(record({ personInChargeName: encrypted('v-1') })).thenThrows(ValidationError, field('data.personInChargeName'));
    });
    it('rejects a reused record id with other facts, and a second record of the same source', () => {
      spec.given([recorded()]).when(record({ servedMinutes: 200 })).thenThrows(AlreadyExistsError);
      spec.given([recorded()]).when(record({ recordId: 'rec-2' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when the same record is entered again', () => {
      spec.given([recorded()]).when(record({ personInChargeName: { ...encrypted('u-9'), ct: 'b3RoZXI=' } })).thenNothing();
    });
  });

  describe('IssueServiceCertificate (quiet when issued from the same entropy)', () => {
    it('emits ServiceCertificateIssued with the verification code and the cumulative hours', () => {
      spec.given([recorded()]).when(issue()).then([issued]);
    });
    it('rejects an empty ledger, malformed entropy, and entropy already used', () => {
      spec.given([]).when(issue()).thenThrows(NotFoundError);
      spec.given([recorded()]).when(issue('not-hex')).thenThrows(ValidationError, field('data.entropy'));
      spec.given([recorded()]).when(issue('0'.repeat(32))).thenThrows(ValidationError, field('data.entropy'));
      spec.given([recorded(), issued]).when(issue(ENTROPY, 'cert-2')).thenThrows(ValidationError, field('data.entropy'));
    });
    it('rejects a reused certificate id with other entropy', () => {
      spec.given([recorded(), issued]).when(issue('ffeeddccbbaa99887766554433221100')).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when issued again from the same entropy', () => {
      spec.given([recorded(), issued]).when(issue()).thenNothing();
    });
  });

  describe('RevokeServiceCertificate (lifecycle: a repeat rejects)', () => {
    it('emits ServiceCertificateRevoked with the code, so the register shows it revoked', () => {
      spec.given([recorded(), issued]).when(revoke()).then([revoked]);
    });
    it('rejects an unknown certificate', () => {
      spec.given([recorded()]).when(revoke()).thenThrows(NotFoundError);
    });
    it('rejects revoking twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([recorded(), issued, revoked]).when(revoke()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract([
      'ServiceHoursRecorded',
      'VolunteerStarLevelReached',
      'ServiceCertificateIssued',
      'ServiceCertificateRevoked',
    ]);
  });
});
