import type { FacilityEvent, OpeningWindow, SharedFacilityBooked, SharedFacilityOffered } from './facility.events.js';

export type BookingFacts = Omit<SharedFacilityBooked['data'], 'bookedAt'>;
export interface Booking extends BookingFacts {
  readonly cancelled: boolean;
}

interface Facility {
  readonly facilityId: string;
  readonly organisationId: string;
  readonly communityId: string;
  readonly offer: Readonly<Omit<SharedFacilityOffered['data'], 'offeredAt' | 'openingHours'>>;
  readonly capacity: number;
  readonly openingHours: readonly OpeningWindow[];
  /** Every booking ever made, by id (cancelled ones kept: a booking id is never reused). */
  readonly bookings: Readonly<Record<string, Booking>>;
}

export type FacilityState =
  | { readonly status: 'empty' }
  | (Facility & { readonly status: 'offered' })
  | (Facility & { readonly status: 'withdrawn' });

export const initialState = (): FacilityState => ({ status: 'empty' });

export function evolve(state: FacilityState, event: FacilityEvent): FacilityState {
  if (event.type === 'SharedFacilityOffered') {
    if (state.status !== 'empty') return state;
    const { offeredAt: _at, openingHours, ...offer } = event.data;
    return {
      status: 'offered',
      facilityId: offer.facilityId,
      organisationId: offer.organisationId,
      communityId: offer.communityId,
      offer,
      capacity: offer.capacity,
      openingHours,
      bookings: {},
    };
  }
  if (state.status === 'empty') return state;
  switch (event.type) {
    case 'SharedFacilityOpeningHoursChanged':
      return { ...state, openingHours: event.data.openingHours };
    case 'SharedFacilityBooked': {
      const { bookedAt: _at, ...facts } = event.data;
      return { ...state, bookings: { ...state.bookings, [facts.bookingId]: { ...facts, cancelled: false } } };
    }
    case 'SharedFacilityBookingCancelled': {
      const booking = state.bookings[event.data.bookingId];
      if (booking === undefined) return state;
      return { ...state, bookings: { ...state.bookings, [booking.bookingId]: { ...booking, cancelled: true } } };
    }
    case 'SharedFacilityWithdrawn':
      return { ...state, status: 'withdrawn' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
