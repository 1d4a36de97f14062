import type { Decider, DomainEvent } from '@cogov/eventsourcing';

/**
 * Given / when / then for deciders (after emmett's DeciderSpecification):
 *
 *   const spec = deciderSpecification(appealDecider);
 *   spec.given([filed]).when(accept).then([accepted]);
 *   spec.given([filed, accepted]).when(accept).thenNothing();
 *   spec.given([]).when(accept).thenThrows(AppealNotFound);
 */
export function deciderSpecification<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      const state = () => events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state());
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            thenThrows(
              errorType: abstract new (...args: never[]) => Error,
              check?: (error: Error) => void,
            ) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorType);
              check?.(thrown as Error);
            },
          };
        },
      };
    },
  };
}
