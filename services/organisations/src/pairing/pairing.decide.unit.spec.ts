import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { deciderSpecification, contractCheckedSpecification } from '@cogov/testing';
import { createPairingPolicy } from './pairing-policy.js';
import { createPairingDecider, pairingDecider, type PairingCommand, type RecordPairingActivity } from './pairing.decide.js';
import type {
  CoBuildingPairingEstablished,
  PairingActivityHeld,
  PairingEnded,
  PairingMonthlyThemeSet,
  PairingPledgeAmended,
  PairingReviewed,
  PairingSupportFundDisbursed,
} from './pairing.events.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(pairingDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

const ESTABLISHED_AT = '2026-09-01T02:00:00.000Z';
const NOW = '2026-09-15T02:00:00.000Z';
const ref = { pairingId: 'p-1', organisationId: 'o-1', communityId: 'c-1' };

function command<C extends PairingCommand>(type: C['type'], data: C['data'], now = NOW): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const established: CoBuildingPairingEstablished = {
  type: 'CoBuildingPairingEstablished',
  data: { ...ref, commitments: ['每月开展一次共建活动'], pledgedFen: 500_000, establishedOn: '2026-09-01', establishedAt: ESTABLISHED_AT },
};
const amended: PairingPledgeAmended = {
  type: 'PairingPledgeAmended',
  data: { ...ref, previousPledgedFen: 500_000, pledgedFen: 800_000, reason: '追加重阳节慰问经费', amendedAt: NOW },
};
const themeSet: PairingMonthlyThemeSet = {
  type: 'PairingMonthlyThemeSet',
  data: { ...ref, month: '2026-09', theme: '尊师重教', setAt: NOW },
};
const activity: PairingActivityHeld = {
  type: 'PairingActivityHeld',
  data: {
    ...ref,
    activityId: 'a-1',
    title: '教师节慰问退休教师',
    heldOn: '2026-09-10',
    month: '2026-09',
    theme: '尊师重教',
    place: '党群服务中心',
    staffCount: 12,
    residentCount: 45,
    volunteerIds: ['v-1', 'v-2'],
    volunteerMinutes: 150,
    recordedAt: NOW,
  },
};
const disbursed = (disbursementId: string, amountFen: number, disbursedTotalFen: number, pledgedFen = 500_000): PairingSupportFundDisbursed => ({
  type: 'PairingSupportFundDisbursed',
  data: { ...ref, disbursementId, amountFen, purpose: '购置图书', disbursedTotalFen, pledgedFen, disbursedAt: NOW },
});
const reviewed: PairingReviewed = {
  type: 'PairingReviewed',
  data: { ...ref, period: '2026', rating: 'good', comments: '活动按月开展', reviewedAt: NOW },
};
const ended: PairingEnded = {
  type: 'PairingEnded',
  data: { ...ref, reason: '单位迁出辖区', pledgedFen: 500_000, disbursedTotalFen: 0, endedAt: NOW },
};

const establish = (pledgedFen = 500_000, commitments = ['每月开展一次共建活动']) =>
  command('EstablishPairing', { ...ref, commitments, pledgedFen }, ESTABLISHED_AT);
const amend = (pledgedFen = 800_000) => command('AmendPairingPledge', { pairingId: 'p-1', pledgedFen, reason: '追加重阳节慰问经费' });
const setTheme = (theme = '尊师重教', month = '2026-09') => command('SetMonthlyTheme', { pairingId: 'p-1', month, theme });
const { recordedAt: _at, month: _month, theme: _theme, organisationId: _o, communityId: _c, ...activityData } = activity.data;
const recordActivity = (data: Partial<RecordPairingActivity['data']> = {}) =>
  command<RecordPairingActivity>('RecordPairingActivity', { ...activityData, ...data });
const disburse = (disbursementId: string, amountFen: number) =>
  command('DisburseSupportFund', { pairingId: 'p-1', disbursementId, amountFen, purpose: '购置图书' });
const review = (rating = 'good' as const, period = '2026') =>
  command('ReviewPairing', { pairingId: 'p-1', period, rating, comments: '活动按月开展' });
const end = () => command('EndPairing', { pairingId: 'p-1', reason: '单位迁出辖区' });

describe('pairing decider', () => {
  describe('EstablishPairing (quiet when established identically)', () => {
    it('emits CoBuildingPairingEstablished with the pledge at the default minimum (500,000 fen)', () => {
      spec.given([]).when(establish()).then([established]);
    });
    it('rejects a pledge one fen below the minimum, naming data.pledgedFen', () => {
      spec.given([]).when(establish(499_999)).thenThrows(ValidationError, field('data.pledgedFen'));
    });
    it('rejects a pledge that is not whole fen', () => {
      spec.given([]).when(establish(500_000.5)).thenThrows(ValidationError, field('data.pledgedFen'));
    });
    it('accepts a smaller pledge under a configured minimum', () => {
      deciderSpecification(createPairingDecider(createPairingPolicy({ minimumPledgeFen: 0 })))
        .given([])
        .when(establish(0))
        .then([{ ...established, data: { ...established.data, pledgedFen: 0 } }]);
    });
    it('rejects no commitments', () => {
      spec.given([]).when(establish(500_000, [])).thenThrows(ValidationError, field('data.commitments'));
    });
    it('rejects a reused id with another pledge', () => {
      spec.given([established]).when(establish(600_000)).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when established again identically', () => {
      spec.given([established]).when(establish()).thenNothing();
    });
  });

  describe('AmendPairingPledge (quiet when the pledge is unchanged)', () => {
    it('emits PairingPledgeAmended', () => {
      spec.given([established]).when(amend()).then([amended]);
    });
    it('rejects a pledge below what was disbursed', () => {
      spec
        .given([established, amended, disbursed('d-1', 700_000, 700_000, 800_000)])
        .when(amend(600_000))
        .thenThrows(InvalidStateError);
    });
    it('rejects a pledge below the minimum', () => {
      spec.given([established]).when(amend(100)).thenThrows(ValidationError, field('data.pledgedFen'));
    });
    it('stays quiet when the pledge already has this amount', () => {
      spec.given([established, amended]).when(amend()).thenNothing();
    });
  });

  describe('SetMonthlyTheme (quiet when the month has this theme)', () => {
    it('emits PairingMonthlyThemeSet', () => {
      spec.given([established]).when(setTheme()).then([themeSet]);
    });
    it('emits a replacement theme while the month has no activity', () => {
      spec
        .given([established, themeSet])
        .when(setTheme('敬老爱老'))
        .then([{ ...themeSet, data: { ...themeSet.data, theme: '敬老爱老' } }]);
    });
    it('rejects replacing the theme of a month that has activities', () => {
      spec.given([established, themeSet, activity]).when(setTheme('敬老爱老')).thenThrows(InvalidStateError);
    });
    it('rejects a month that is not YYYY-MM', () => {
      spec.given([established]).when(setTheme('尊师重教', '2026-9')).thenThrows(ValidationError, field('data.month'));
    });
    it('stays quiet when the month has this theme already', () => {
      spec.given([established, themeSet]).when(setTheme()).thenNothing();
    });
  });

  describe('RecordPairingActivity (quiet when recorded identically)', () => {
    it('emits PairingActivityHeld with the counts, the volunteers and the theme of its month', () => {
      spec.given([established, themeSet]).when(recordActivity()).then([activity]);
    });
    it('emits a null theme when the month has none', () => {
      spec.given([established]).when(recordActivity()).then([{ ...activity, data: { ...activity.data, theme: null } }]);
    });
    it('rejects an activity dated in the future (Asia/Shanghai) or before the pairing', () => {
      spec.given([established]).when(recordActivity({ heldOn: '2026-09-16' })).thenThrows(ValidationError, field('data.heldOn'));
      spec.given([established]).when(recordActivity({ heldOn: '2026-08-31' })).thenThrows(ValidationError, field('data.heldOn'));
    });
    it('rejects negative or fractional counts, no participants and a repeated volunteer', () => {
      spec.given([established]).when(recordActivity({ staffCount: -1 })).thenThrows(ValidationError, field('data.staffCount'));
      spec.given([established]).when(recordActivity({ residentCount: 1.5 })).thenThrows(ValidationError, field('data.residentCount'));
      spec
        .given([established])
        .when(recordActivity({ staffCount: 0, residentCount: 0 }))
        .thenThrows(ValidationError, field('data.staffCount'));
      spec.given([established]).when(recordActivity({ volunteerIds: ['v-1', 'v-1'] })).thenThrows(ValidationError, field('data.volunteerIds[1]'));
    });
    it('states how long the listed volunteers served: 1 to 1,440 minutes, null exactly when none is listed', () => {
      spec
        .given([established, themeSet])
        .when(recordActivity({ volunteerIds: [], volunteerMinutes: null }))
        .then([{ ...activity, data: { ...activity.data, volunteerIds: [], volunteerMinutes: null } }]);
      for (const volunteerMinutes of [null, 0, 1441, 90.5]) {
        spec.given([established]).when(recordActivity({ volunteerMinutes })).thenThrows(ValidationError, field('data.volunteerMinutes'));
      }
      spec.given([established]).when(recordActivity({ volunteerIds: [], volunteerMinutes: 60 })).thenThrows(ValidationError, field('data.volunteerMinutes'));
    });
    it('rejects a reused activity id with other facts, and an ended pairing', () => {
      spec.given([established, themeSet, activity]).when(recordActivity({ residentCount: 50 })).thenThrows(AlreadyExistsError);
      spec.given([established, themeSet, activity]).when(recordActivity({ volunteerMinutes: 120 })).thenThrows(AlreadyExistsError);
      spec.given([established, ended]).when(recordActivity()).thenThrows(InvalidStateError);
    });
    it('stays quiet when recorded again identically', () => {
      spec.given([established, themeSet, activity]).when(recordActivity()).thenNothing();
    });
  });

  describe('DisburseSupportFund (quiet when recorded identically)', () => {
    it('emits PairingSupportFundDisbursed with the running total', () => {
      spec.given([established]).when(disburse('d-1', 200_000)).then([disbursed('d-1', 200_000, 200_000)]);
    });
    it('emits a disbursement that reaches the pledge exactly', () => {
      spec
        .given([established, disbursed('d-1', 200_000, 200_000)])
        .when(disburse('d-2', 300_000))
        .then([disbursed('d-2', 300_000, 500_000)]);
    });
    it('rejects a disbursement one fen above the pledge', () => {
      spec.given([established, disbursed('d-1', 200_000, 200_000)]).when(disburse('d-2', 300_001)).thenThrows(InvalidStateError);
    });
    it('emits it once the pledge is amended upwards', () => {
      spec
        .given([established, disbursed('d-1', 200_000, 200_000), amended])
        .when(disburse('d-2', 300_001))
        .then([disbursed('d-2', 300_001, 500_001, 800_000)]);
    });
    it('rejects zero, fractions, and a reused id with another amount', () => {
      spec.given([established]).when(disburse('d-1', 0)).thenThrows(ValidationError, field('data.amountFen'));
      spec.given([established]).when(disburse('d-1', 10.5)).thenThrows(ValidationError, field('data.amountFen'));
      spec.given([established, disbursed('d-1', 200_000, 200_000)]).when(disburse('d-1', 100_000)).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when the same disbursement is recorded again', () => {
      spec.given([established, disbursed('d-1', 200_000, 200_000)]).when(disburse('d-1', 200_000)).thenNothing();
    });
  });

  describe('ReviewPairing (one review per period; quiet when identical)', () => {
    it('emits PairingReviewed', () => {
      spec.given([established]).when(review()).then([reviewed]);
    });
    it('emits the final review of an ended pairing', () => {
      spec.given([established, ended]).when(review()).then([reviewed]);
    });
    it('rejects a second, different review of the same period', () => {
      spec.given([established, reviewed]).when(review('excellent' as never)).thenThrows(AlreadyExistsError);
    });
    it('rejects a malformed period, one before the pairing, and an unknown pairing', () => {
      spec.given([established]).when(review('good', '2026-Q5')).thenThrows(ValidationError, field('data.period'));
      spec.given([established]).when(review('good', '2025')).thenThrows(ValidationError, field('data.period'));
      spec.given([]).when(review()).thenThrows(NotFoundError);
    });
    it('stays quiet when the same review is recorded again', () => {
      spec.given([established, reviewed]).when(review()).thenNothing();
    });
  });

  describe('EndPairing (lifecycle: a repeat rejects)', () => {
    it('emits PairingEnded with the final pledge and total disbursed', () => {
      spec.given([established]).when(end()).then([ended]);
    });
    it('rejects an unknown pairing', () => {
      spec.given([]).when(end()).thenThrows(NotFoundError);
    });
    it('rejects ending an ended pairing (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([established, ended]).when(end()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract([
      'CoBuildingPairingEstablished',
      'PairingPledgeAmended',
      'PairingMonthlyThemeSet',
      'PairingActivityHeld',
      'PairingSupportFundDisbursed',
      'PairingReviewed',
      'PairingEnded',
    ]);
  });
});
