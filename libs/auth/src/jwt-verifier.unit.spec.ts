import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { base64url, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { JwtVerifier, type JwtVerifierConfig } from './jwt-verifier.js';

const issuer = 'https://auth.test';
const audience = 'cogov';
const claims = {
  roles: ['community_staff'],
  jurisdiction: { communityIds: ['c-1'] },
  client_id: 'console',
};

let es256: { privateKey: CryptoKey; publicKey: CryptoKey; pem: string };
let verifier: JwtVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  es256 = { ...pair, pem: await exportSPKI(pair.publicKey) };
  verifier = await JwtVerifier.create({ issuer, audience, publicKey: es256.pem });
});

function token(overrides: { iss?: string; aud?: string; exp?: number; nbf?: number; body?: object } = {}): SignJWT {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, ...overrides.body })
    .setSubject('user-1')
    .setIssuer(overrides.iss ?? issuer)
    .setAudience(overrides.aud ?? audience)
    .setIssuedAt(now)
    .setNotBefore(overrides.nbf ?? now)
    .setExpirationTime(overrides.exp ?? now + 600);
}
const es256Token = (overrides?: Parameters<typeof token>[0]): Promise<string> =>
  token(overrides).setProtectedHeader({ alg: 'ES256' }).sign(es256.privateKey);

/** Builds a compact JWS by hand, for algorithms jose refuses to produce with an asymmetric key. */
function handMade(header: object, payload: object, sign: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  return `${input}.${sign(input)}`;
}
const payload = (): object => {
  const now = Math.floor(Date.now() / 1000);
  return { ...claims, sub: 'attacker', iss: issuer, aud: audience, iat: now, exp: now + 600 };
};

describe('JwtVerifier', () => {
  it('accepts a valid ES256 token and maps its claims to an Actor', async () => {
    await expect(verifier.verify(await es256Token())).resolves.toEqual({
      subject: 'user-1',
      roles: ['community_staff'],
      jurisdiction: { streetIds: [], communityIds: ['c-1'], gridIds: [], organisationIds: [] },
      clientId: 'console',
    });
  });

  it('carries the organisations an organisation admin administers', async () => {
    const body = { roles: ['organisation_admin'], jurisdiction: { organisationIds: ['o-1', 'o-2'] } };
    await expect(verifier.verify(await es256Token({ body }))).resolves.toMatchObject({
      roles: ['organisation_admin'],
      jurisdiction: { streetIds: [], communityIds: [], gridIds: [], organisationIds: ['o-1', 'o-2'] },
    });
  });

  it('accepts an EdDSA token verified through a JWKS file', async () => {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    const dir = await mkdtemp(path.join(tmpdir(), 'cogov-jwks-'));
    try {
      const file = path.join(dir, 'jwks.json');
      await writeFile(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1' }] }));
      const jwksVerifier = await JwtVerifier.create({ issuer, audience, jwks: file });
      const jwt = await token().setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).sign(pair.privateKey);
      await expect(jwksVerifier.verify(jwt)).resolves.toMatchObject({ subject: 'user-1' });
      // A verifier configured with a PEM accepts only that key's algorithm.
      await expect(verifier.verify(jwt)).rejects.toThrow('token algorithm is not allowed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 120 }, 'token has expired'],
    ['not yet valid', { nbf: Math.floor(Date.now() / 1000) + 120 }, 'token is not valid yet'],
    ['from another issuer', { iss: 'https://evil.test' }, 'token claim "iss" is not accepted'],
    ['for another audience', { aud: 'other-app' }, 'token claim "aud" is not accepted'],
    ['without a known role', { body: { roles: ['admin'] } }, 'token carries no known role'],
    ['with malformed jurisdiction', { body: { jurisdiction: { gridIds: 'g-1' } } }, 'jurisdiction.gridIds'],
    ['with organisationIds not a list', { body: { jurisdiction: { organisationIds: 'o-1' } } }, 'jurisdiction.organisationIds'],
    ['with an organisation id not a string', { body: { jurisdiction: { organisationIds: ['o-1', 7] } } }, 'jurisdiction.organisationIds'],
    ['with an empty organisation id', { body: { jurisdiction: { organisationIds: [''] } } }, 'jurisdiction.organisationIds'],
  ])('rejects a token %s', async (_, overrides, reason) => {
    await expect(verifier.verify(await es256Token(overrides))).rejects.toThrow(reason);
  });

  it('tolerates a little clock skew', async () => {
    await expect(verifier.verify(await es256Token({ exp: Math.floor(Date.now() / 1000) - 5 }))).resolves.toBeDefined();
  });

  it('rejects alg: none', async () => {
    const unsigned = handMade({ alg: 'none', typ: 'JWT' }, payload(), () => '');
    await expect(verifier.verify(unsigned)).rejects.toThrow('token algorithm is not allowed');
  });

  it('rejects HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const forged = handMade({ alg: 'HS256', typ: 'JWT' }, payload(), (input) =>
      createHmac('sha256', es256.pem).update(input).digest('base64url'),
    );
    await expect(verifier.verify(forged)).rejects.toThrow('token algorithm is not allowed');
  });

  it('rejects a tampered signature and a tampered payload', async () => {
    const jwt = await es256Token();
    const [header, body, signature] = jwt.split('.') as [string, string, string];
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expect(verifier.verify(`${header}.${body}.${flipped}`)).rejects.toThrow('token signature is invalid');
    const widened = base64url.encode(JSON.stringify({ ...payload(), roles: ['street_admin'] }));
    await expect(verifier.verify(`${header}.${widened}.${signature}`)).rejects.toThrow('token signature is invalid');
  });

  it('rejects garbage', async () => {
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow('token is malformed');
  });

  it.each<[string, () => Promise<Partial<JwtVerifierConfig>>, string]>([
    ['a symmetric key in the JWKS', async () => ({ jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }), 'public keys only'],
    [
      'a private key in the JWKS',
      async () => ({ jwks: { keys: [await exportJWK(es256.privateKey)] } }),
      'public keys only',
    ],
    ['both a PEM and a JWKS', async () => ({ publicKey: es256.pem, jwks: { keys: [] } }), 'exactly one'],
    [
      'an RSA public key',
      async () => ({ publicKey: await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey) }),
      'Unsupported public key type',
    ],
  ])('refuses a configuration with %s', async (_, config, message) => {
    await expect(JwtVerifier.create({ issuer, audience, ...(await config()) })).rejects.toThrow(message);
  });
});
