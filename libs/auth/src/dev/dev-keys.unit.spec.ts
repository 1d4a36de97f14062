import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { JwtVerifier } from '../jwt-verifier.js';
import { DEV_AUDIENCE, DEV_ISSUER, defaultKeysDir, ensureDevKeys, mintToken } from './dev-keys.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogov-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dev keys', () => {
  it('lives under $COGOV_DATA, else ~/.local/share/cogov', () => {
    expect(defaultKeysDir({ COGOV_DATA: '/srv/cogov' })).toBe('/srv/cogov/keys');
    expect(defaultKeysDir({})).toMatch(/\.local\/share\/cogov\/keys$/);
  });

  it('generates the key pair once, private key readable by the owner only', async () => {
    const keysDir = path.join(dir, 'keys');
    const first = await ensureDevKeys(keysDir);
    expect((await stat(first.privateKeyPath)).mode & 0o777).toBe(0o600);
    const second = await ensureDevKeys(keysDir);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(second.kid).toBe(first.kid);
  });

  it('mints tokens that the verifier accepts through the PEM and the JWKS file', async () => {
    const keys = await ensureDevKeys(dir);
    const token = await mintToken(
      keys.privateKey,
      { subject: 'demo', roles: ['grid_worker'], jurisdiction: { gridIds: ['g-1'] }, clientId: 'cli' },
      60,
      keys.kid,
    );
    const expected = {
      subject: 'demo',
      roles: ['grid_worker'],
      jurisdiction: { streetIds: [], communityIds: [], gridIds: ['g-1'], organisationIds: [] },
      clientId: 'cli',
    };
    const byPem = await JwtVerifier.create({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, publicKey: keys.publicKeyPem });
    await expect(byPem.verify(token)).resolves.toEqual(expected);
    const byJwks = await JwtVerifier.create({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: keys.jwksPath });
    await expect(byJwks.verify(token)).resolves.toEqual(expected);
  });

  it('mints the organisations of an organisation admin into its jurisdiction', async () => {
    const keys = await ensureDevKeys(dir);
    const token = await mintToken(
      keys.privateKey,
      { subject: 'demo', roles: ['organisation_admin'], jurisdiction: { organisationIds: ['o-1'] }, clientId: 'cli' },
      60,
      keys.kid,
    );
    expect(decodeJwt(token)['jurisdiction']).toEqual({ streetIds: [], communityIds: [], gridIds: [], organisationIds: ['o-1'] });
    const verifier = await JwtVerifier.create({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: keys.jwksPath });
    await expect(verifier.verify(token)).resolves.toMatchObject({
      roles: ['organisation_admin'],
      jurisdiction: { organisationIds: ['o-1'] },
    });
  });
});
