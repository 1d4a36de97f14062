import { createPublicKey } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
} from 'jose';
import type { Role } from '../actor.js';

/**
 * Development signing keys and tokens. Production tokens come from the real identity provider; these exist
 * so that a fresh clone can call its own services. The keys live outside the checkout so they are never
 * committed, and are generated once so tokens minted yesterday still verify today.
 */

export const DEV_ISSUER = 'https://auth.cogov.local';
export const DEV_AUDIENCE = 'cogov';

export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  const data = env['COGOV_DATA'] || path.join(homedir(), '.local', 'share', 'cogov');
  return path.join(data, 'keys');
}

export interface DevKeys {
  privateKey: CryptoKey;
  publicKeyPem: string;
  /** The public key as a JWKS, with the `kid` that minted tokens carry. */
  jwks: JSONWebKeySet;
  kid: string;
  privateKeyPath: string;
  publicKeyPath: string;
  jwksPath: string;
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );

/** Loads the ES256 dev key pair from `dir`, generating it on first use (private key mode 0600). */
export async function ensureDevKeys(dir: string = defaultKeysDir()): Promise<DevKeys> {
  const privateKeyPath = path.join(dir, 'dev-es256.private.pem');
  const publicKeyPath = path.join(dir, 'dev-es256.public.pem');
  const jwksPath = path.join(dir, 'dev-jwks.json');
  if (!(await exists(privateKeyPath))) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const pair = await generateKeyPair('ES256', { extractable: true });
    // `wx`: if another process won the race, keep its key rather than overwrite a key tokens were minted with.
    await writeFile(privateKeyPath, await exportPKCS8(pair.privateKey), { mode: 0o600, flag: 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
  }
  // The umask may have widened a pre-existing file; the private key must stay the owner's.
  await chmod(privateKeyPath, 0o600);
  const privatePem = await readFile(privateKeyPath, 'utf8');
  const privateKey = await importPKCS8(privatePem, 'ES256');
  const publicKeyPem = createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();
  const publicJwk = await exportJWK(await importSPKI(publicKeyPem, 'ES256', { extractable: true }));
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
  await writeFile(publicKeyPath, publicKeyPem, { mode: 0o644 });
  await writeFile(jwksPath, JSON.stringify(jwks, null, 2) + '\n', { mode: 0o644 });
  return { privateKey, publicKeyPem, jwks, kid, privateKeyPath, publicKeyPath, jwksPath };
}

export interface DevTokenClaims {
  subject: string;
  roles: Role[];
  jurisdiction: { streetIds?: string[]; communityIds?: string[]; gridIds?: string[]; organisationIds?: string[] };
  clientId: string;
  issuer?: string;
  audience?: string;
}

/** Signs an ES256 access token; `ttl` is seconds or a jose duration such as `'8h'`. */
export async function mintToken(
  privateKey: CryptoKey,
  claims: DevTokenClaims,
  ttl: number | string,
  kid?: string,
): Promise<string> {
  return new SignJWT({
    roles: claims.roles,
    jurisdiction: {
      streetIds: claims.jurisdiction.streetIds ?? [],
      communityIds: claims.jurisdiction.communityIds ?? [],
      gridIds: claims.jurisdiction.gridIds ?? [],
      organisationIds: claims.jurisdiction.organisationIds ?? [],
    },
    client_id: claims.clientId,
  })
    .setProtectedHeader(kid === undefined ? { alg: 'ES256', typ: 'at+jwt' } : { alg: 'ES256', typ: 'at+jwt', kid })
    .setSubject(claims.subject)
    .setIssuer(claims.issuer ?? DEV_ISSUER)
    .setAudience(claims.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl)
    .sign(privateKey);
}
