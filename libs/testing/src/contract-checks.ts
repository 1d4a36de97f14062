import { validateEventData } from '@cogov/contracts';
import type { Decider, DomainEvent } from '@cogov/eventsourcing';
import { deciderSpecification } from './decider-specification.js';

/**
 * Test support: the decider, with every event it emits checked against its public contract (v1). Wrap a decider in
 * its specification, so each event a spec makes the domain emit is proven to
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

/**
 * A decider specification that also collects every event its scenarios feed in (given) and get out (then),
 * so that the last test of a spec file can prove they all satisfy their public contracts (v1).
 */
export function contractCheckedSpecification<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  const seen: E[] = [];
  const spec = deciderSpecification<C, E, S>({
    initialState: decider.initialState,
    evolve: (state, event) => {
      seen.push(event);
      return decider.evolve(state, event);
    },
    decide: (command, state) => {
      const events = decider.decide(command, state);
      seen.push(...events);
      return events;
    },
  });

  /** Every collected event validates, and every type in `eventTypes` was seen at least once. */
  function expectEveryEventToSatisfyItsContract(eventTypes: readonly string[]): void {
    const failures = seen
      .map((event) => ({ type: event.type, result: validateEventData(event.type, 1, event.data) }))
      .filter(({ result }) => !result.valid)
      .map(({ type, result }) => `${type}: ${result.errors.join('; ')}`);
    expect([...new Set(failures)]).toEqual([]);
    expect([...new Set(seen.map((event) => event.type))].sort()).toEqual([...eventTypes].sort());
  }

  return { spec, expectEveryEventToSatisfyItsContract };
}


/** A well-formed EncryptedField for decider specs (its bytes decrypt to nothing: specs never decrypt). */
export const fakeEncryptedField = (subject: string) => ({
  $pii: 'v1' as const,
  subject,
  iv: 'q83vEjRWeJCrze8S',
  ct: 'mQ3x0bZf1k8=',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
});
