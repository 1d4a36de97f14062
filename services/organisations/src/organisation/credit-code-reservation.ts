/**
 * Uniqueness of a unified social credit code across organisations. One organisation's stream cannot see the
 * others, so the shell reserves each code in a stream of its own, `organisation-credit-code-<code>`, before the
 * organisation is registered: the first reservation appends at "no stream yet", a second one for another
 * organisation finds the code taken (and two racing ones collide on the stream version, the loser re-deciding
 * on the winner's event). Pure, like the deciders.
 */
import type { Decider, DomainEvent } from '@cogov/eventsourcing';
import { AlreadyExistsError, requireMetadata, type CommandMetadata } from '@cogov/domain';

export type OrganisationCreditCodeReserved = DomainEvent<
  'OrganisationCreditCodeReserved',
  { creditCode: string; organisationId: string; communityId: string; reservedAt: string }
>;

export type ReserveCreditCode = {
  type: 'ReserveCreditCode';
  data: { creditCode: string; organisationId: string; communityId: string };
  metadata: CommandMetadata;
};

export type CreditCodeReservation =
  | { readonly status: 'free' }
  | { readonly status: 'reserved'; readonly organisationId: string };

export const creditCodeStreamId = (creditCode: string): string => `organisation-credit-code-${creditCode}`;

/** Quiet when the code is already held by this organisation (a retried registration); AlreadyExistsError otherwise. */
export const creditCodeReservationDecider: Decider<ReserveCreditCode, OrganisationCreditCodeReserved, CreditCodeReservation> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    const { creditCode, organisationId } = command.data;
    if (state.status === 'reserved') {
      if (state.organisationId === organisationId) return [];
      throw new AlreadyExistsError('unified social credit code', creditCode, `held by organisation ${state.organisationId}`);
    }
    return [{ type: 'OrganisationCreditCodeReserved', data: { ...command.data, reservedAt: metadata.now } }];
  },
  evolve: (state, event) => (state.status === 'free' ? { status: 'reserved', organisationId: event.data.organisationId } : state),
  initialState: () => ({ status: 'free' }),
};
