/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over the 31-character set
 * below (no I, O, S, V, Z), the last one a check character over the first 17:
 *
 *   check = 31 − (Σ value(cᵢ) × wᵢ mod 31), where 31 becomes 0,
 *   w = 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 (3^(i) mod 31).
 *
 * Only format and check character are verified; whether the code is actually issued is a question for
 * the national enterprise credit system, not for a pure function.
 */
import { ValidationError } from './domain-errors.js';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character the first 17 characters call for. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  return FORMAT.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * A valid code, normalised to upper case (codes are printed in capitals; staff type them in either case).
 * Format and check character fail with distinct messages so that a typo is told from a wrong code.
 */
export function requireCreditCode(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, `${field} must be a unified social credit code`);
  const code = value.trim().toUpperCase();
  if (!FORMAT.test(code)) {
    throw new ValidationError(
      field,
      `${field} must be 18 characters of ${CREDIT_CODE_CHARSET} (a unified social credit code, GB 32100-2015)`,
    );
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    throw new ValidationError(field, `${field} has a wrong check character: ${code[17]} where ${expected} is expected`);
  }
  return code;
}
