import type {
  CoBuildingPairingEstablished,
  PairingActivityHeld,
  PairingEvent,
  PairingRating,
  PairingSupportFundDisbursed,
} from './pairing.events.js';

/** What an activity or disbursement asserted, to tell a retried command from a reused id. */
export type ActivityFacts = Omit<PairingActivityHeld['data'], 'recordedAt' | 'month' | 'theme'>;
export type DisbursementFacts = Omit<PairingSupportFundDisbursed['data'], 'disbursedAt' | 'disbursedTotalFen' | 'pledgedFen'>;

interface Pairing {
  readonly pairingId: string;
  readonly organisationId: string;
  readonly communityId: string;
  readonly establishment: Readonly<Omit<CoBuildingPairingEstablished['data'], 'establishedAt' | 'establishedOn'>>;
  readonly establishedOn: string;
  readonly pledgedFen: number;
  readonly disbursedTotalFen: number;
  /** month → theme */
  readonly themes: Readonly<Record<string, string>>;
  /** Months in which an activity was recorded: their theme is then fixed. */
  readonly monthsWithActivities: readonly string[];
  readonly activities: Readonly<Record<string, ActivityFacts>>;
  readonly disbursements: Readonly<Record<string, DisbursementFacts>>;
  /** period → what the review said */
  readonly reviews: Readonly<Record<string, { readonly rating: PairingRating; readonly comments: string }>>;
}

export type PairingState =
  | { readonly status: 'empty' }
  | (Pairing & { readonly status: 'active' })
  | (Pairing & { readonly status: 'ended'; readonly endedAt: string; readonly endReason: string });

export const initialState = (): PairingState => ({ status: 'empty' });

export function evolve(state: PairingState, event: PairingEvent): PairingState {
  if (event.type === 'CoBuildingPairingEstablished') {
    if (state.status !== 'empty') return state;
    const { establishedAt: _at, establishedOn, ...establishment } = event.data;
    return {
      status: 'active',
      pairingId: establishment.pairingId,
      organisationId: establishment.organisationId,
      communityId: establishment.communityId,
      establishment,
      establishedOn,
      pledgedFen: establishment.pledgedFen,
      disbursedTotalFen: 0,
      themes: {},
      monthsWithActivities: [],
      activities: {},
      disbursements: {},
      reviews: {},
    };
  }
  if (state.status === 'empty') return state;
  switch (event.type) {
    case 'PairingPledgeAmended':
      return { ...state, pledgedFen: event.data.pledgedFen };
    case 'PairingMonthlyThemeSet':
      return { ...state, themes: { ...state.themes, [event.data.month]: event.data.theme } };
    case 'PairingActivityHeld': {
      const { recordedAt: _at, month, theme: _theme, ...facts } = event.data;
      const months = state.monthsWithActivities.includes(month)
        ? state.monthsWithActivities
        : [...state.monthsWithActivities, month];
      return { ...state, activities: { ...state.activities, [facts.activityId]: facts }, monthsWithActivities: months };
    }
    case 'PairingSupportFundDisbursed': {
      const { disbursedAt: _at, disbursedTotalFen, pledgedFen: _pledged, ...facts } = event.data;
      return { ...state, disbursedTotalFen, disbursements: { ...state.disbursements, [facts.disbursementId]: facts } };
    }
    case 'PairingReviewed':
      return {
        ...state,
        reviews: { ...state.reviews, [event.data.period]: { rating: event.data.rating, comments: event.data.comments } },
      };
    case 'PairingEnded':
      return { ...state, status: 'ended', endedAt: event.data.endedAt, endReason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
