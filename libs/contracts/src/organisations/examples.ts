/**
 * Example values and field builders for the organisations schemas. Ids look like the UUIDv7s the services
 * mint; the ciphertexts of other contexts' examples are random bytes, and this context has no personal fields.
 */
import type { JsonSchema } from '../json-schema.js';

export const exampleIds = {
  community: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
  organisation: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b01',
  socialOrganisation: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b02',
  pairing: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b03',
  activity: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b04',
  disbursement: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b05',
  facility: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b06',
  booking: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b07',
  resident: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a05',
  volunteer: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c01',
} as const;

/** Amounts of money: whole fen (1 yuan = 100 fen). */
export const fen: JsonSchema = { type: 'integer', minimum: 0, description: 'Whole fen (1 yuan = 100 fen).' };
export const count: JsonSchema = { type: 'integer', minimum: 0 };
export const calendarMonth: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'Asia/Shanghai calendar month YYYY-MM.',
};
/** GB 32100-2015; the check character is verified by the producer, the pattern pins charset and length. */
export const creditCode: JsonSchema = {
  type: 'string',
  pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$',
  description: 'Unified social credit code (统一社会信用代码), GB 32100-2015, upper case.',
};
export const idList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
