import type { OpportunityEvent, ServiceOpportunityPublished } from './opportunity.events.js';

/** One volunteer's way through the opportunity. */
export type Participation =
  | { readonly stage: 'signed_up' }
  | { readonly stage: 'checked_in'; readonly checkedInAt: string }
  | { readonly stage: 'checked_out'; readonly checkedInAt: string; readonly minutesPresent: number }
  | { readonly stage: 'verified'; readonly servedMinutes: number };

export type PublicationFacts = Omit<ServiceOpportunityPublished['data'], 'publishedAt' | 'personInChargeName'>;

interface Opportunity {
  readonly opportunityId: string;
  readonly communityId: string;
  readonly publication: Readonly<PublicationFacts>;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capacity: number;
  /** Volunteers currently taking part (withdrawn ones removed), by volunteer id. */
  readonly participants: Readonly<Record<string, Participation>>;
}

export type OpportunityState =
  | { readonly status: 'empty' }
  | (Opportunity & { readonly status: 'published' })
  | (Opportunity & { readonly status: 'cancelled' })
  | (Opportunity & { readonly status: 'completed' });

export const initialState = (): OpportunityState => ({ status: 'empty' });

const withParticipant = (
  state: Exclude<OpportunityState, { status: 'empty' }>,
  volunteerId: string,
  participation: Participation,
): OpportunityState => ({ ...state, participants: { ...state.participants, [volunteerId]: participation } });

export function evolve(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  if (event.type === 'ServiceOpportunityPublished') {
    if (state.status !== 'empty') return state;
    const { publishedAt: _at, personInChargeName: _name, ...publication } = event.data;
    return {
      status: 'published',
      opportunityId: publication.opportunityId,
      communityId: publication.communityId,
      publication,
      startsAt: publication.startsAt,
      endsAt: publication.endsAt,
      capacity: publication.capacity,
      participants: {},
    };
  }
  if (state.status === 'empty') return state;
  switch (event.type) {
    case 'VolunteerSignedUp':
      return withParticipant(state, event.data.volunteerId, { stage: 'signed_up' });
    case 'VolunteerWithdrewFromOpportunity': {
      const { [event.data.volunteerId]: _gone, ...participants } = state.participants;
      return { ...state, participants };
    }
    case 'VolunteerCheckedIn':
      return withParticipant(state, event.data.volunteerId, { stage: 'checked_in', checkedInAt: event.data.checkedInAt });
    case 'VolunteerCheckedOut': {
      const { volunteerId, checkedInAt, minutesPresent } = event.data;
      return withParticipant(state, volunteerId, { stage: 'checked_out', checkedInAt, minutesPresent });
    }
    case 'OpportunityServiceHoursVerified':
      return withParticipant(state, event.data.volunteerId, { stage: 'verified', servedMinutes: event.data.servedMinutes });
    case 'ServiceOpportunityCancelled':
      return { ...state, status: 'cancelled' };
    case 'ServiceOpportunityCompleted':
      return { ...state, status: 'completed' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
