import { validateEventData } from '@cogov/contracts';
import type { Decider, DomainEvent } from '@cogov/eventsourcing';

/**
 * Test support: the decider, with every event it emits checked against its public contract (v1). Used by
 * every decider specification of this service, so each event a spec makes the domain emit is proven to
 * match the schema partners read — a field added to an event and not to its schema fails the spec.
 */
export function contractChecked<C, E extends DomainEvent, S>(decider: Decider<C, E, S>): Decider<C, E, S> {
  return {
    ...decider,
    decide(command, state) {
      const events = decider.decide(command, state);
      for (const event of events) {
        const { valid, errors } = validateEventData(event.type, 1, event.data);
        if (!valid) throw new ContractViolation(`${event.type} does not match its v1 contract: ${errors.join('; ')}`);
      }
      return events;
    },
  };
}

/** Not a domain error: a spec expecting a domain error must not pass on a contract violation. */
export class ContractViolation extends Error {}
