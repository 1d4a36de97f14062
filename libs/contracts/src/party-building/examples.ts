/**
 * Realistic-looking ids for the party-building schema examples. The ciphertexts are random bytes, not real
 * encryptions: examples never contain personal data, not even encrypted.
 */
export const exampleIds = {
  community: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
  household: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a04',
  organisation: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c01',
  branch: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c02',
  secretary: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c03',
  cadre: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c04',
  pairedUnit: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c05',
  centre: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c06',
  member: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c07',
  activity: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c08',
  volunteer: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c09',
  serviceRecord: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7c0a',
  propertyCompany: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7b02',
} as const;

export function exampleEncrypted(subject: string): Record<string, string> {
  return { $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' };
}
