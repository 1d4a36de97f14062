import { ValidationError } from '@cogov/domain';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { backoffMs } from './backoff.js';
import { openSecret, sealSecret } from './secret-box.js';
import { newSecret, sign, signatureHeaders } from './signature.js';
import { postOnce } from './http-post.js';
import { assertPublicTarget, isInternalAddress, requireTargetUrl } from './targets.js';

describe('signatures (Standard Webhooks)', () => {
  it('match the specification’s published example', () => {
    expect(sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('sign the id, the timestamp and the body: changing any changes the signature', () => {
    const secret = newSecret();
    const base = sign(secret, 'id-1', 1700000000, '{"a":1}');
    expect(sign(secret, 'id-2', 1700000000, '{"a":1}')).not.toBe(base);
    expect(sign(secret, 'id-1', 1700000001, '{"a":1}')).not.toBe(base);
    expect(sign(secret, 'id-1', 1700000000, '{"a":2}')).not.toBe(base);
    expect(sign(newSecret(), 'id-1', 1700000000, '{"a":1}')).not.toBe(base);
  });

  it('carry one signature per live secret during a rotation', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const headers = signatureHeaders([current, previous], 'id-1', 1700000000, '{}');
    expect(headers).toEqual({
      'webhook-id': 'id-1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': `${sign(current, 'id-1', 1700000000, '{}')} ${sign(previous, 'id-1', 1700000000, '{}')}`,
    });
  });

  it('use 32 random bytes per secret', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
  });
});

describe('secrets at rest', () => {
  it('are sealed under the master key, bound to their subscription', () => {
    const [key, secret] = [randomBytes(32), newSecret()];
    const sealed = sealSecret(key, 'sub-1', secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(sealSecret(key, 'sub-1', secret)).not.toBe(sealed);
    expect(openSecret(key, 'sub-1', sealed)).toBe(secret);
    expect(() => openSecret(key, 'sub-2', sealed)).toThrow('the signing secret of subscription sub-2 does not open with this master key (was COGOV_MASTER_KEY changed?)');
    expect(() => openSecret(randomBytes(32), 'sub-1', sealed)).toThrow(/does not open/);
  });
});

describe('backoff', () => {
  it('doubles from the base up to the cap, less at most a fifth', () => {
    const exact = [1, 2, 3, 4, 5, 10].map((failures) => backoffMs(failures, 10_000, 60_000, () => 0));
    expect(exact).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(backoffMs(2, 10_000, 60_000, () => 0.999)).toBe(16_004);
  });
});

describe('receiver URLs', () => {
  const field = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ValidationError) return `${error.field}: ${error.message}`;
      throw error;
    }
    return undefined;
  };

  it('must be https, without credentials or fragment, and public unless insecure targets are allowed', () => {
    expect(requireTargetUrl('https://ngo.example.org/hooks', false)).toBe('https://ngo.example.org/hooks');
    expect(field(() => requireTargetUrl('http://ngo.example.org/hooks', false))).toBe('url: url must use https, got http');
    expect(field(() => requireTargetUrl('ftp://ngo.example.org/', true))).toBe('url: url must use https or http, got ftp');
    expect(field(() => requireTargetUrl('hooks', false, 'input.url'))).toMatch(/^input\.url: input\.url must be an absolute URL/);
    expect(field(() => requireTargetUrl('https://u:p@ngo.example.org/', false))).toMatch(/user name or password/);
    expect(field(() => requireTargetUrl('https://ngo.example.org/#x', false))).toMatch(/fragment/);
    expect(field(() => requireTargetUrl('https://127.0.0.1/hooks', false))).toBe('url: url must point to a public address, not 127.0.0.1');
    expect(field(() => requireTargetUrl('https://[::1]:8443/', false))).toBe('url: url must point to a public address, not ::1');
    expect(field(() => requireTargetUrl('https://localhost/', false))).toMatch(/public address/);
    expect(requireTargetUrl('http://127.0.0.1:8787/webhooks', true)).toBe('http://127.0.0.1:8787/webhooks');
    expect(field(() => requireTargetUrl('', false))).toBe('url: url is required');
  });

  it('tells internal addresses from public ones', () => {
    for (const address of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) {
      expect([address, isInternalAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['8.8.8.8', '114.114.114.114', '2400:3200::1']) expect([address, isInternalAddress(address)]).toEqual([address, false]);
  });

  it('are refused at sending time when they are, or resolve to, internal addresses — at connect time', async () => {
    expect(() => assertPublicTarget('https://127.0.0.1/x', false)).toThrow('127.0.0.1 is an internal address');
    expect(() => assertPublicTarget('https://127.0.0.1/x', true)).not.toThrow();
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const post = (allowInsecure: boolean) => postOnce(`http://localhost:${port}/x`, { body: '{}', headers: {}, timeoutMs: 2000, allowInsecure });
      await expect(post(false)).rejects.toThrow(/localhost resolves to .*, an internal address/);
      await expect(post(true)).resolves.toBe(204);
    } finally {
      server.close();
    }
  });

  it('answer the status of one request: a redirect is not followed, and a silent receiver times out', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: '/elsewhere' }).end();
      // '/silent': never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const post = (path: string) => postOnce(`http://127.0.0.1:${port}${path}`, { body: '{}', headers: {}, timeoutMs: 300, allowInsecure: true });
      await expect(post('/moved')).resolves.toBe(302);
      const started = Date.now();
      await expect(post('/silent')).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
