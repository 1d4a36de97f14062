/**
 * Realistic-looking values for the schema examples. The ciphertexts are random bytes, not real encryptions:
 * examples must never contain personal data, not even encrypted.
 */
export const exampleIds = {
  street: 'street-0001',
  community: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
  grid: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a02',
  worker: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a03',
  household: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a04',
  resident: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a05',
  appeal: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a06',
} as const;

export function exampleEncrypted(subject: string): Record<string, string> {
  return { $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' };
}
