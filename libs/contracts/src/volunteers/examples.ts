/**
 * Example values and field builders for the volunteers schemas. The ciphertexts are random bytes, not real
 * encryptions: examples must never contain personal data, not even encrypted.
 */
import type { JsonSchema } from '../json-schema.js';

export const exampleIds = {
  community: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
  resident: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a05',
  partyMember: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a07',
  volunteer: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c01',
  team: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c02',
  training: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c03',
  opportunity: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c04',
  appeal: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a06',
  personInCharge: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c05',
  record: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c06',
  certificate: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c07',
  staff: 'user-staff-0001',
} as const;

export function exampleEncrypted(subject: string): Record<string, string> {
  return { $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' };
}

export const minutes: JsonSchema = { type: 'integer', minimum: 0, description: 'Whole minutes.' };
export const positiveMinutes: JsonSchema = { type: 'integer', minimum: 1, description: 'Whole minutes.' };
export const starLevel: JsonSchema = { type: 'integer', minimum: 0, description: '0 = no star yet; 1 to 5 by default.' };
export const verificationCode: JsonSchema = {
  type: 'string',
  pattern: '^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}$',
  description: 'Crockford base32 of 128 random bits, grouped 5-5-5-5-6.',
};
