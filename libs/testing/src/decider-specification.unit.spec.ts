import { deciderSpecification } from './decider-specification.js';
import type { Decider } from '@cogov/eventsourcing';

type Counted = { type: 'Counted'; data: { by: number } };
class TooMany extends Error {}
const counter: Decider<{ add: number }, Counted, number> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (state + command.add > 3) throw new TooMany('too many');
    return command.add === 0 ? [] : [{ type: 'Counted', data: { by: command.add } }];
  },
};

describe('deciderSpecification', () => {
  const spec = deciderSpecification(counter);
  it('folds the given events before deciding', () => {
    spec.given([{ type: 'Counted', data: { by: 1 } }]).when({ add: 2 }).then([{ type: 'Counted', data: { by: 2 } }]);
  });
  it('reports a typed rejection', () => {
    spec.given([{ type: 'Counted', data: { by: 3 } }]).when({ add: 1 }).thenThrows(TooMany);
  });
  it('checks that nothing is emitted', () => {
    spec.given([]).when({ add: 0 }).thenNothing();
  });
  it('fails when the expectation is wrong', () => {
    expect(() => spec.given([]).when({ add: 1 }).thenNothing()).toThrow();
  });
});
