import { secretKey, sign, verifyWebhook } from './verify.ts';
import type { WebhookHeaders } from './verify.ts';

// The test vector of the Standard Webhooks specification: a port that passes it interoperates.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const headers = (overrides: WebhookHeaders = {}): WebhookHeaders => ({
  'webhook-id': ID,
  'webhook-timestamp': String(TIMESTAMP),
  'webhook-signature': SIGNATURE,
  ...overrides,
});

const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
  verifyWebhook({ secret: SECRET, headers: headers(), body: BODY, now: TIMESTAMP, ...overrides });

describe('sign', () => {
  it('gives the signature of the specification’s test vector', () => {
    expect(sign(SECRET, ID, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(sign(SECRET, ID, TIMESTAMP, Buffer.from(BODY))).toBe(SIGNATURE);
  });
});

describe('verifyWebhook', () => {
  it('accepts the specification’s test vector, as a string or as raw bytes', () => {
    expect(verify()).toEqual({ ok: true, id: ID, timestamp: TIMESTAMP });
    expect(verify({ body: Buffer.from(BODY) })).toEqual({ ok: true, id: ID, timestamp: TIMESTAMP });
  });

  it('finds the headers whatever the case of their names', () => {
    const mixed = { 'Webhook-Id': ID, 'WEBHOOK-TIMESTAMP': String(TIMESTAMP), 'Webhook-Signature': SIGNATURE };
    expect(verify({ headers: mixed }).ok).toBe(true);
  });

  it('rejects a tampered body, timestamp or id', () => {
    expect(verify({ body: '{"test": 2432232315}' })).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ body: '{"test":2432232314}' })).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ headers: headers({ 'webhook-timestamp': String(TIMESTAMP + 1) }) })).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ headers: headers({ 'webhook-id': `${ID}x` }) })).toEqual({ ok: false, reason: 'no matching signature' });
  });

  it('rejects a signature made with another secret', () => {
    const other = sign('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ID, TIMESTAMP, BODY);
    expect(verify({ headers: headers({ 'webhook-signature': other }) })).toEqual({ ok: false, reason: 'no matching signature' });
  });

  it('rejects timestamps outside the tolerance, in either direction, and accepts them at its edge', () => {
    expect(verify({ now: TIMESTAMP + 300 }).ok).toBe(true);
    expect(verify({ now: TIMESTAMP - 300 }).ok).toBe(true);
    expect(verify({ now: TIMESTAMP + 301 })).toEqual({ ok: false, reason: 'timestamp too old (301 s ago, tolerance 300 s)' });
    expect(verify({ now: TIMESTAMP - 301 })).toEqual({ ok: false, reason: 'timestamp too new (301 s ahead, tolerance 300 s)' });
    expect(verify({ now: TIMESTAMP + 60, toleranceSeconds: 30 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^timestamp too old/) });
  });

  it('checks the timestamp against the clock when no time is given', () => {
    expect(verifyWebhook({ secret: SECRET, headers: headers(), body: BODY })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^timestamp too old/),
    });
    const now = Math.floor(Date.now() / 1000);
    const fresh = { 'webhook-id': ID, 'webhook-timestamp': String(now), 'webhook-signature': sign(SECRET, ID, now, BODY) };
    expect(verifyWebhook({ secret: SECRET, headers: fresh, body: BODY })).toEqual({ ok: true, id: ID, timestamp: now });
  });

  it('rejects a timestamp that is not unix seconds', () => {
    for (const value of ['2021-02-21T15:02:10Z', '1614265330.5', '-1614265330', '']) {
      expect(verify({ headers: headers({ 'webhook-timestamp': value }) }).ok).toBe(false);
    }
    expect(verify({ headers: headers({ 'webhook-timestamp': '1614265330.5' }) })).toEqual({
      ok: false,
      reason: 'webhook-timestamp is not a number of unix seconds',
    });
  });

  it('accepts when any of several signatures matches, as during a secret rotation', () => {
    const rotated = sign('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ID, TIMESTAMP, BODY);
    expect(verify({ headers: headers({ 'webhook-signature': `${rotated} ${SIGNATURE}` }) }).ok).toBe(true);
    expect(verify({ headers: headers({ 'webhook-signature': `${SIGNATURE} ${rotated}` }) }).ok).toBe(true);
    expect(verify({ headers: headers({ 'webhook-signature': `v1a,c29tZXRoaW5nIGVsc2U= ${SIGNATURE}` }) }).ok).toBe(true);
  });

  it('rejects a signature header with no v1 entry, or a v1 entry that is not the signature', () => {
    expect(verify({ headers: headers({ 'webhook-signature': SIGNATURE.slice(3) }) })).toEqual({
      ok: false,
      reason: 'no v1 signature in webhook-signature',
    });
    expect(verify({ headers: headers({ 'webhook-signature': 'v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }) }).ok).toBe(false);
    expect(verify({ headers: headers({ 'webhook-signature': `${SIGNATURE}=` }) })).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ headers: headers({ 'webhook-signature': 'v1,' }) })).toEqual({ ok: false, reason: 'no matching signature' });
  });

  it('names the missing header', () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      expect(verify({ headers: headers({ [name]: undefined }) })).toEqual({ ok: false, reason: `missing header ${name}` });
      expect(verify({ headers: headers({ [name]: ' ' }) })).toEqual({ ok: false, reason: `missing header ${name}` });
    }
  });

  it('rejects a repeated header rather than guess which value counts', () => {
    expect(verify({ headers: headers({ 'webhook-id': [ID, 'msg_other'] }) })).toEqual({ ok: false, reason: 'more than one webhook-id header' });
    expect(verify({ headers: headers({ 'webhook-id': [ID] }) }).ok).toBe(true);
  });

  it('says when the secret is malformed', () => {
    expect(verify({ secret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })).toEqual({ ok: false, reason: 'malformed secret: it must start with whsec_' });
    for (const secret of ['whsec_', 'whsec_not base64!', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS']) {
      expect(verify({ secret })).toEqual({ ok: false, reason: 'malformed secret: the part after whsec_ must be standard base64' });
    }
    expect(() => sign('whsec_', ID, TIMESTAMP, BODY)).toThrow('malformed secret');
  });

  it('decodes the key from the base64 after the prefix', () => {
    expect(secretKey('whsec_AAEC/w==')).toEqual(Buffer.from([0, 1, 2, 255]));
  });
});
