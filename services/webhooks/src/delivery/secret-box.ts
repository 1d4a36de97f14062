import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const aad = (subscriptionId: string) => Buffer.from(`cogov-webhook-secret:v1:${subscriptionId}`, 'utf8');

/**
 * Signing secrets at rest: AES-256-GCM under the service's master key (`COGOV_MASTER_KEY`, ADR 0003), bound to the
 * subscription's id, stored as base64 of iv ‖ tag ‖ ciphertext. HMAC needs the secret itself, so it cannot be hashed;
 * sealed, a copy of the database alone signs nothing, and a secret moved to another subscription does not open.
 */
export function sealSecret(masterKey: Buffer, subscriptionId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(aad(subscriptionId));
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** The secret; throws when the master key is not the one it was sealed with, or the value was tampered with. */
export function openSecret(masterKey: Buffer, subscriptionId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(subscriptionId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`the signing secret of subscription ${subscriptionId} does not open with this master key (was COGOV_MASTER_KEY changed?)`);
  }
}
