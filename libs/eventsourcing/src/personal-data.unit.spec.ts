import { randomBytes } from 'node:crypto';
import { isEncryptedField, parseMasterKey } from './personal-data.js';

describe('parseMasterKey', () => {
  it('accepts base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
  });
  it('says what is wrong with a short or malformed key', () => {
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/exactly 32 bytes.*got 16 bytes/);
    expect(() => parseMasterKey('not base64 at all!')).toThrow(/base64/);
  });
});

describe('isEncryptedField', () => {
  it('recognises the $pii marker only', () => {
    expect(isEncryptedField({ $pii: 'v1', subject: 's', iv: '', ct: '', tag: '' })).toBe(true);
    expect(isEncryptedField({ name: 'x' })).toBe(false);
    expect(isEncryptedField(null)).toBe(false);
  });
});
