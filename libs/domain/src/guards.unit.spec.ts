import { ValidationError } from './domain-errors.js';
import { requireCalendarMonth, requireDistinctNonEmptyList, requireIntegerInRange, requireNonNegativeInteger, requirePositiveInteger } from './guards.js';
import { sameFacts } from './same-facts.js';

const fieldOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
};

describe('whole-number guards', () => {
  it('accepts whole numbers in range (money in fen, minutes)', () => {
    expect(requireNonNegativeInteger(0, 'data.pledgedFen')).toBe(0);
    expect(requirePositiveInteger(500_000, 'data.amountFen')).toBe(500_000);
    expect(requireIntegerInRange(1440, 'data.servedMinutes', 1, 1440)).toBe(1440);
  });
  it('rejects fractions, strings, NaN, unsafe magnitudes and values out of range, naming the field', () => {
    expect(fieldOf(() => requirePositiveInteger(0.5, 'data.amountFen'))).toBe('data.amountFen');
    expect(fieldOf(() => requirePositiveInteger('100', 'data.amountFen'))).toBe('data.amountFen');
    expect(fieldOf(() => requirePositiveInteger(Number.NaN, 'data.amountFen'))).toBe('data.amountFen');
    expect(fieldOf(() => requirePositiveInteger(2 ** 53, 'data.amountFen'))).toBe('data.amountFen');
    expect(fieldOf(() => requirePositiveInteger(0, 'data.amountFen'))).toBe('data.amountFen');
    expect(fieldOf(() => requireIntegerInRange(1441, 'data.servedMinutes', 1, 1440))).toBe('data.servedMinutes');
  });
});

describe('requireCalendarMonth', () => {
  it('accepts YYYY-MM and rejects anything else', () => {
    expect(requireCalendarMonth('2026-09', 'data.month')).toBe('2026-09');
    for (const bad of ['2026-9', '2026-13', '2026-00', '2026-09-01', 202609]) {
      expect(fieldOf(() => requireCalendarMonth(bad, 'data.month'))).toBe('data.month');
    }
  });
});

describe('requireDistinctNonEmptyList', () => {
  it('returns a copy and names the offending item', () => {
    const list = ['a', 'b'];
    expect(requireDistinctNonEmptyList(list, 'data.ids')).not.toBe(list);
    expect(fieldOf(() => requireDistinctNonEmptyList(['a', ''], 'data.ids'))).toBe('data.ids[1]');
    expect(fieldOf(() => requireDistinctNonEmptyList(['a', 'a'], 'data.ids'))).toBe('data.ids[1]');
    expect(fieldOf(() => requireDistinctNonEmptyList([], 'data.ids', 1))).toBe('data.ids');
    expect(fieldOf(() => requireDistinctNonEmptyList('a', 'data.ids'))).toBe('data.ids');
  });
});

describe('sameFacts', () => {
  it('ignores key order (JSONB reorders keys) but not list order or values', () => {
    expect(sameFacts({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameFacts({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameFacts({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameFacts({ a: null }, { a: 0 })).toBe(false);
  });
});
