import type { AssessmentRating, AssessmentScheme } from './assessment-scheme.js';
import type { PropertyAssessmentEvent } from './property-assessment.events.js';

interface Assessment {
  readonly compoundId: string;
  readonly communityId: string;
  readonly quarter: string;
  readonly companyId: string;
  readonly scheme: AssessmentScheme;
  /** criterion → latest score. */
  readonly scores: Readonly<Record<string, number>>;
  readonly vetoItems: readonly string[];
}

export type PropertyAssessmentState =
  | { readonly status: 'empty' }
  | (Assessment & { readonly status: 'open' })
  | (Assessment & { readonly status: 'concluded'; readonly rating: AssessmentRating });

export const initialState = (): PropertyAssessmentState => ({ status: 'empty' });

export function evolve(state: PropertyAssessmentState, event: PropertyAssessmentEvent): PropertyAssessmentState {
  switch (event.type) {
    case 'PropertyServiceAssessmentOpened': {
      if (state.status !== 'empty') return state;
      const { compoundId, communityId, quarter, companyId, scheme } = event.data;
      return { status: 'open', compoundId, communityId, quarter, companyId, scheme, scores: {}, vetoItems: [] };
    }
    case 'PropertyServiceCriterionScored':
      return state.status === 'open'
        ? { ...state, scores: { ...state.scores, [event.data.criterion]: event.data.score } }
        : state;
    case 'PropertyServiceAssessmentVetoed':
      return state.status === 'open' ? { ...state, vetoItems: [...state.vetoItems, event.data.vetoItem] } : state;
    case 'PropertyServiceAssessmentConcluded':
      return state.status === 'open' ? { ...state, status: 'concluded', rating: event.data.rating } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
