/**
 * The verification code of a certificate of service (服务证明): anyone holding the certificate can check it
 * against the public register by this code. decide is pure, so the shell draws the randomness
 * (`crypto.randomBytes(16)`, hex) and passes it in the command; the code is those 128 bits in Crockford
 * base32 (no I, L, O, U: nothing to misread), 26 characters in groups — unguessable by enumeration.
 */
import { ValidationError } from '@cogov/domain';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ENTROPY = /^[0-9a-f]{32}$/;

export function requireEntropy(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ENTROPY.test(value)) {
    throw new ValidationError(field, `${field} must be 16 random bytes as 32 lower-case hex digits`);
  }
  if (/^(.)\1*$/.test(value)) throw new ValidationError(field, `${field} is not random`);
  return value;
}

/** `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX` from 32 hex digits. */
export function verificationCodeOf(entropyHex: string): string {
  let value = BigInt(`0x${entropyHex}`);
  let code = '';
  for (let i = 0; i < 26; i++) {
    code = CROCKFORD[Number(value & 31n)]! + code;
    value >>= 5n;
  }
  return code.match(/.{1,5}/g)!.join('-').replace(/-(.)$/, '$1');
}
