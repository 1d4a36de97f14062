import { isTestName, testRunId } from './global-setup.js';

describe('test topic names', () => {
  // Linux pids stop at 2^22; this one never belongs to a live process.
  const finished = 't.r4194305.relay.ab12cd.cogov.residents.events';

  it('never selects a name outside the t. namespace', () => {
    expect(isTestName('cogov.residents.events')).toBe(false);
    expect(isTestName('cogov.residents.events', 't.r1')).toBe(false);
    expect(isTestName('__consumer_offsets')).toBe(false);
  });

  it('selects the names of runs that are over and of the older naming, not those of a live run', () => {
    expect(isTestName(finished)).toBe(true);
    expect(isTestName('t.relay.ab12cd.cogov.residents.events')).toBe(true);
    expect(isTestName(`t.r${process.pid}.relay.ab12cd.cogov.residents.events`)).toBe(false);
  });

  it('selects by prefix on whole segments only', () => {
    expect(isTestName('t.r12.relay.ab12cd.cogov.residents.events', 't.r12')).toBe(true);
    expect(isTestName('t.r123.relay.ab12cd.cogov.residents.events', 't.r12')).toBe(false);
    expect(isTestName('t.r12.relay.ab12cd.cogov.residents.events.dlq', 't.r12.relay.ab12cd')).toBe(true);
  });

  it('names the run after the owning process unless a run id is inherited', () => {
    const saved = process.env.COGOV_TEST_RUN;
    try {
      delete process.env.COGOV_TEST_RUN;
      expect(testRunId()).toBe(`r${process.pid}`);
      process.env.COGOV_TEST_RUN = 'r42';
      expect(testRunId()).toBe('r42');
    } finally {
      if (saved === undefined) delete process.env.COGOV_TEST_RUN;
      else process.env.COGOV_TEST_RUN = saved;
    }
  });
});
