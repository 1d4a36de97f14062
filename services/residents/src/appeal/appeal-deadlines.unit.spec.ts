import { ValidationError } from '@cogov/domain';
import {
  createDeadlinePolicy,
  deadlineFor,
  defaultDeadlinePolicy,
  isOverdue,
  tierOf,
} from './appeal-deadlines.js';

const DISPATCHED_AT = '2026-11-21T05:30:00.000Z';

describe('appeal deadlines', () => {
  it.each([
    ['safety.gas_leak', 'emergency', '2026-11-21T07:30:00.000Z'],
    ['utilities.water', 'utilities', '2026-11-22T05:30:00.000Z'],
    ['environment.sanitation', 'general', '2026-11-28T05:30:00.000Z'],
    ['property.maintenance_fund', 'complex', '2026-12-06T05:30:00.000Z'],
  ])('gives %s the %s tier and its default deadline', (category, tier, deadline) => {
    expect(deadlineFor(defaultDeadlinePolicy, category, DISPATCHED_AT)).toEqual({ tier, deadline });
  });

  it('rejects an unknown category as a ValidationError on category', () => {
    const thrown = (() => {
      try {
        return tierOf(defaultDeadlinePolicy, 'utilities.wifi');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).field).toBe('category');
  });

  it('does not mistake inherited object keys for categories', () => {
    expect(() => tierOf(defaultDeadlinePolicy, 'constructor')).toThrow(ValidationError);
    expect(() => tierOf(defaultDeadlinePolicy, '__proto__')).toThrow(ValidationError);
  });

  it('overrides only the tier durations it names', () => {
    const policy = createDeadlinePolicy({ tierDurations: { emergency: 60 * 60 * 1000 } });
    expect(deadlineFor(policy, 'safety.gas_leak', DISPATCHED_AT).deadline).toBe('2026-11-21T06:30:00.000Z');
    expect(deadlineFor(policy, 'utilities.water', DISPATCHED_AT).deadline).toBe('2026-11-22T05:30:00.000Z');
  });

  it('replaces the whole category catalogue when one is configured', () => {
    const policy = createDeadlinePolicy({ categoryTiers: { 'housing.leak': 'utilities' } });
    expect(tierOf(policy, 'housing.leak')).toBe('utilities');
    expect(() => tierOf(policy, 'utilities.water')).toThrow(ValidationError);
  });

  it('refuses bad configuration at start-up', () => {
    expect(() => createDeadlinePolicy({ tierDurations: { general: 0 } })).toThrow(RangeError);
    expect(() => createDeadlinePolicy({ tierDurations: { general: 1.5 } })).toThrow(RangeError);
    expect(() => createDeadlinePolicy({ categoryTiers: { 'utilities.water': 'urgent' } })).toThrow(RangeError);
    expect(() => createDeadlinePolicy({ categoryTiers: { Water: 'utilities' } })).toThrow(RangeError);
  });

  it('is overdue strictly after the deadline', () => {
    expect(isOverdue('2026-11-22T05:30:00.000Z', '2026-11-22T05:30:00.000Z')).toBe(false);
    expect(isOverdue('2026-11-22T05:30:00.000Z', '2026-11-22T05:30:00.001Z')).toBe(true);
  });
});
