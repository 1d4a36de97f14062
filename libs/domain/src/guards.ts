/**
 * More pure input guards shared by the stakeholder contexts (organisations, volunteers, …): whole numbers
 * (money is integer fen, durations integer minutes), calendar months, lists. Each names the command field.
 */
import { ValidationError } from './domain-errors.js';

const CALENDAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A safe integer in [min, max]; rejects fractions, NaN, strings of digits and unsafe magnitudes. */
export function requireIntegerInRange(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ValidationError(field, `${field} must be a whole number`);
  }
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new ValidationError(field, `${field} must be ${range}`);
  }
  return value;
}

export const requireNonNegativeInteger = (value: unknown, field: string): number => requireIntegerInRange(value, field, 0);
export const requirePositiveInteger = (value: unknown, field: string): number => requireIntegerInRange(value, field, 1);

/** An Asia/Shanghai calendar month `YYYY-MM`. */
export function requireCalendarMonth(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CALENDAR_MONTH.test(value)) {
    throw new ValidationError(field, `${field} must be a calendar month YYYY-MM`);
  }
  return value;
}

/**
 * A list of non-empty strings, without duplicates, returned as a fresh array in the given order.
 * `minItems` is 0 unless the command needs at least one.
 */
export function requireDistinctNonEmptyList(value: unknown, field: string, minItems = 0): string[] {
  if (!Array.isArray(value)) throw new ValidationError(field, `${field} must be a list`);
  if (value.length < minItems) throw new ValidationError(field, `${field} must have at least ${minItems} item(s)`);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ValidationError(`${field}[${i}]`, `${field}[${i}] must be a non-empty string`);
    }
    if (seen.has(item)) throw new ValidationError(`${field}[${i}]`, `${field}[${i}] repeats ${item}`);
    seen.add(item);
  });
  return [...value] as string[];
}
