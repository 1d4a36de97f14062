import type { HoursLedgerEvent, ServiceHoursRecorded } from './hours-ledger.events.js';

/** What a record asserted, without derived or personal fields, to tell a retry from a reused id. */
export type RecordFacts = Omit<
  ServiceHoursRecorded['data'],
  'personInChargeName' | 'workingDaysToRecord' | 'late' | 'cumulativeMinutes' | 'recordedBy' | 'recordedAt'
>;

export interface Certificate {
  readonly certificateId: string;
  readonly communityId: string;
  readonly verificationCode: string;
  readonly revoked: boolean;
}

export type HoursLedgerState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'open';
      readonly volunteerId: string;
      readonly records: Readonly<Record<string, RecordFacts>>;
      readonly cumulativeMinutes: number;
      readonly starLevel: number;
      readonly certificates: Readonly<Record<string, Certificate>>;
    };

export const initialState = (): HoursLedgerState => ({ status: 'empty' });

export function evolve(state: HoursLedgerState, event: HoursLedgerEvent): HoursLedgerState {
  switch (event.type) {
    case 'ServiceHoursRecorded': {
      const {
        personInChargeName: _name,
        workingDaysToRecord: _days,
        late: _late,
        cumulativeMinutes,
        recordedBy: _by,
        recordedAt: _at,
        ...facts
      } = event.data;
      const ledger = state.status === 'open' ? state : { status: 'open' as const, volunteerId: facts.volunteerId, records: {}, starLevel: 0, certificates: {} };
      return { ...ledger, records: { ...ledger.records, [facts.recordId]: facts }, cumulativeMinutes };
    }
    case 'VolunteerStarLevelReached':
      if (state.status !== 'open') return state;
      return { ...state, starLevel: event.data.starLevel };
    case 'ServiceCertificateIssued': {
      if (state.status !== 'open') return state;
      const { certificateId, communityId, verificationCode } = event.data;
      return {
        ...state,
        certificates: { ...state.certificates, [certificateId]: { certificateId, communityId, verificationCode, revoked: false } },
      };
    }
    case 'ServiceCertificateRevoked': {
      if (state.status !== 'open') return state;
      const certificate = state.certificates[event.data.certificateId];
      if (certificate === undefined) return state;
      return { ...state, certificates: { ...state.certificates, [certificate.certificateId]: { ...certificate, revoked: true } } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
