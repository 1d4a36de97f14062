import { ValidationError } from '@cogov/domain';

/**
 * Input guards of the GraphQL shell. They run before a command reaches the vault or the event store, and
 * each names the offending field as the client spelled it (`input.address.room`), so the error is
 * actionable without reading the message.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Ids issued by other contexts or organisations (e.g. a unified social credit code). */
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Control characters would corrupt logs and exports; personal text has no use for them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function requireUuid(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new ValidationError(field, `${field} must be a UUID`);
  return value.toLowerCase();
}

export function optionalUuid(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : requireUuid(value, field);
}

export function requireExternalId(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || !EXTERNAL_ID.test(value)) {
    throw new ValidationError(field, `${field} must be 1–64 letters, digits, '.', '_', ':' or '-'`);
  }
  return value;
}

/** Trimmed text of bounded length (counted in Unicode code points, so 20 汉字 count as 20). */
export function requireText(
  value: string | null | undefined,
  field: string,
  { min = 1, max }: { min?: number; max: number },
): string {
  if (typeof value !== 'string') throw new ValidationError(field, `${field} is required`);
  const text = value.trim();
  const length = [...text].length;
  if (length < min) throw new ValidationError(field, min === 1 ? `${field} must not be empty` : `${field} must have at least ${min} characters`);
  if (length > max) throw new ValidationError(field, `${field} must have at most ${max} characters`);
  if (CONTROL_CHARS.test(text)) throw new ValidationError(field, `${field} must not contain control characters`);
  return text;
}

export function requireEnum<T extends string>(value: string | null | undefined, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function requireDate(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new ValidationError(field, `${field} must be a date YYYY-MM-DD`);
  }
  if (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new ValidationError(field, `${field} is not a real date`);
  }
  return value;
}

/** An 18-character mainland resident ID number with a valid GB 11643 check character. */
export function requireIdNumber(value: string | null | undefined, field: string): string {
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^\d{17}[\dX]$/.test(id)) throw new ValidationError(field, `${field} must be an 18-character resident ID number`);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) throw new ValidationError(field, `${field} has a wrong check character`);
  return id;
}

/** A mainland mobile number (11 digits starting with 1) or a landline with area code. */
export function requirePhone(value: string | null | undefined, field: string): string {
  const phone = typeof value === 'string' ? value.trim().replace(/[\s-]/g, '') : '';
  if (!/^1[3-9]\d{9}$/.test(phone) && !/^0\d{2,3}\d{7,8}$/.test(phone)) {
    throw new ValidationError(field, `${field} must be a mobile number (11 digits) or a landline with area code`);
  }
  return phone;
}

/** A calendar month `YYYY-MM`. */
export function requireMonth(value: string | null | undefined, field: string): { year: number; month: number } {
  const match = typeof value === 'string' ? MONTH.exec(value) : null;
  if (!match) throw new ValidationError(field, `${field} must be a month YYYY-MM`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function requireInt(value: number | null | undefined, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}
