import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { optionsFromEnv, startReceiver } from './receiver.ts';
import type { RunningReceiver } from './receiver.ts';
import { sign } from './verify.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function cloudEvent(id: string, streamversion = 1): Record<string, unknown> {
  return {
    specversion: '1.0',
    id,
    source: '/cogov/residents',
    type: 'cn.cogov.public.residents.appeal-filed.v1',
    subject: 'appeal-0193',
    time: '2026-11-21T08:00:00.000Z',
    datacontenttype: 'application/json',
    data: { appealId: 'appeal-0193', category: 'environment' },
    communityid: 'c-1',
    correlationid: id,
    causationid: id,
    streamversion,
    dataschema: 'https://cogov.cn/schemas/public/residents/appeal-filed.v1.json',
  };
}

let dataDir: string;
let receiver: RunningReceiver;
let logged: string[];

async function start(): Promise<void> {
  logged = [];
  receiver = await startReceiver({ secret: SECRET, dataDir, port: 0, log: (line) => logged.push(line) });
}

function url(pathname = '/webhooks'): string {
  return `http://127.0.0.1:${receiver.port}${pathname}`;
}

/** POSTs `body` signed as cogov does, unless `headers` replaces some of the signed headers. */
function deliver(id: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url(), {
    method: 'POST',
    headers: {
      'content-type': 'application/cloudevents+json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign(SECRET, id, timestamp, body),
      'cogov-delivery-id': randomUUID(),
      'cogov-attempt': '1',
      'cogov-subscription-id': 'sub-1',
      ...headers,
    },
    body,
  });
}

async function storedEvents(): Promise<Record<string, unknown>[]> {
  const file = path.join(dataDir, 'events.ndjson');
  if (!existsSync(file)) return [];
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ngo-subscriber-'));
  await start();
});

afterEach(async () => {
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the receiver', () => {
  it('says where it listens, with the real port', () => {
    expect(receiver.port).toBeGreaterThan(0);
    expect(logged).toEqual([`ngo-subscriber listening on http://127.0.0.1:${receiver.port}/webhooks`]);
  });

  it('refuses to start with a malformed secret', async () => {
    await expect(startReceiver({ secret: 'whsec_not base64', dataDir, port: 0 })).rejects.toThrow('malformed secret');
  });

  it('stores a verified event as one line of events.ndjson and answers accepted', async () => {
    const id = randomUUID();
    const event = cloudEvent(id, 3);
    const response = await deliver(id, JSON.stringify(event, null, 2));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted' });
    expect(await storedEvents()).toEqual([event]);
    expect(await readFile(path.join(dataDir, 'seen-ids.txt'), 'utf8')).toBe(`${id}\n`);
    expect(logged.at(-1)).toBe(`accepted cn.cogov.public.residents.appeal-filed.v1 ${id} stream=appeal-0193#3`);
  });

  it('keeps the event’s bytes as sent, numbers beyond double precision included', async () => {
    const id = randomUUID();
    const body = `{"id":"${id}","type":"t","subject":"s","streamversion":1,"data":{"big":12345678901234567890}}`;
    expect((await deliver(id, body)).status).toBe(200);
    expect(await readFile(path.join(dataDir, 'events.ndjson'), 'utf8')).toBe(`${body}\n`);
  });

  it('answers duplicate to the same id again, and does not store it twice', async () => {
    const id = randomUUID();
    const body = JSON.stringify(cloudEvent(id));
    await deliver(id, body);
    const again = await deliver(id, body, { 'cogov-attempt': '2' });

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(await storedEvents()).toHaveLength(1);
    expect(logged.at(-1)).toBe(`duplicate ${id}`);
  });

  it('stores an event once when its retry arrives while the first attempt is being handled', async () => {
    const id = randomUUID();
    const body = JSON.stringify(cloudEvent(id));
    const responses = await Promise.all([deliver(id, body), deliver(id, body), deliver(id, body)]);
    const statuses = await Promise.all(responses.map(async (response) => [response.status, await response.json()]));

    expect(statuses).toEqual(
      expect.arrayContaining([
        [200, { status: 'accepted' }],
        [200, { status: 'duplicate' }],
      ]),
    );
    expect(statuses.filter(([, body]) => (body as { status: string }).status === 'accepted')).toHaveLength(1);
    expect(await storedEvents()).toHaveLength(1);
  });

  it('still knows the ids it has seen after a restart on the same data folder', async () => {
    const id = randomUUID();
    const body = JSON.stringify(cloudEvent(id));
    await deliver(id, body);
    await receiver.close();
    await start();

    const again = await deliver(id, body);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(await storedEvents()).toHaveLength(1);
  });

  it('completes a line a crash cut short before appending after it', async () => {
    const id = randomUUID();
    await receiver.close();
    await writeFile(path.join(dataDir, 'seen-ids.txt'), 'seen-before\ncut-sho');
    await start();

    expect((await deliver('seen-before', JSON.stringify(cloudEvent('seen-before')))).status).toBe(200);
    expect(await storedEvents()).toEqual([]);
    await deliver(id, JSON.stringify(cloudEvent(id)));
    expect(await readFile(path.join(dataDir, 'seen-ids.txt'), 'utf8')).toBe(`seen-before\ncut-sho\n${id}\n`);
  });

  it('answers 401 with the reason to a bad signature, and stores nothing', async () => {
    const id = randomUUID();
    const body = JSON.stringify(cloudEvent(id));
    const forged = await deliver(id, body, { 'webhook-signature': sign('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', id, Math.floor(Date.now() / 1000), body) });

    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: 'no matching signature' });
    expect(await storedEvents()).toEqual([]);
    expect(logged.at(-1)).toBe('rejected: no matching signature');
    // Not recorded as seen either: the genuine delivery of that id is still accepted.
    expect(await (await deliver(id, body)).json()).toEqual({ status: 'accepted' });
  });

  it('answers 401 to a replay older than the tolerance', async () => {
    const id = randomUUID();
    const body = JSON.stringify(cloudEvent(id));
    const old = Math.floor(Date.now() / 1000) - 600;
    const replayed = await deliver(id, body, { 'webhook-timestamp': String(old), 'webhook-signature': sign(SECRET, id, old, body) });

    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: expect.stringMatching(/^timestamp too old/) });
  });

  it('answers 401 naming a missing header', async () => {
    const response = await fetch(url(), { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'missing header webhook-id' });
  });

  it('answers 400 to a verified body that is not a JSON object, and does not record its id', async () => {
    const id = randomUUID();
    const notJson = await deliver(id, 'not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'body is not JSON' });

    const array = await deliver(id, '[1, 2]');
    expect(array.status).toBe(400);
    expect(await array.json()).toEqual({ error: 'body is not a JSON object' });
    expect(await storedEvents()).toEqual([]);
    expect(existsSync(path.join(dataDir, 'seen-ids.txt')) ? await readFile(path.join(dataDir, 'seen-ids.txt'), 'utf8') : '').toBe('');
  });

  it('answers 404 elsewhere than /webhooks and 405 to other methods', async () => {
    expect((await fetch(url('/'), { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(url('/webhooks/x'))).status).toBe(404);

    const get = await fetch(url());
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ error: 'method GET not allowed: use POST' });
  });

  it('answers 413 to a body over 1 MiB, declared or streamed, and keeps serving', async () => {
    const id = randomUUID();
    const big = JSON.stringify({ ...cloudEvent(id), data: { padding: 'x'.repeat(1024 * 1024) } });
    const declared = await deliver(id, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'body larger than 1048576 bytes' });

    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 17; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await fetch(url(), { method: 'POST', body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);

    expect(await storedEvents()).toEqual([]);
    const small = randomUUID();
    expect((await deliver(small, JSON.stringify(cloudEvent(small)))).status).toBe(200);
  });

  it('logs one line per request and never the body', async () => {
    const id = randomUUID();
    const event = cloudEvent(id);
    await deliver(id, JSON.stringify(event));
    await deliver(id, JSON.stringify(event));
    await deliver(id, JSON.stringify(event), { 'webhook-signature': 'v1,AAAA' });

    expect(logged.slice(1)).toEqual([
      `accepted cn.cogov.public.residents.appeal-filed.v1 ${id} stream=appeal-0193#1`,
      `duplicate ${id}`,
      'rejected: no matching signature',
    ]);
    expect(logged.join('\n')).not.toContain('environment');
  });
});

describe('optionsFromEnv', () => {
  it('requires a well-formed WEBHOOK_SECRET', () => {
    expect(() => optionsFromEnv({})).toThrow(/^WEBHOOK_SECRET is required/);
    expect(() => optionsFromEnv({ WEBHOOK_SECRET: 'secret' })).toThrow('WEBHOOK_SECRET: malformed secret: it must start with whsec_');
  });

  it('has defaults for everything else, and refuses values that are not integers in range', () => {
    expect(optionsFromEnv({ WEBHOOK_SECRET: SECRET })).toEqual({
      secret: SECRET,
      dataDir: path.resolve('data'),
      port: 8787,
      host: '127.0.0.1',
      toleranceSeconds: 300,
    });
    expect(optionsFromEnv({ WEBHOOK_SECRET: SECRET, PORT: '0', DATA_DIR: '/var/lib/ngo' })).toMatchObject({ port: 0, dataDir: '/var/lib/ngo' });
    expect(() => optionsFromEnv({ WEBHOOK_SECRET: SECRET, PORT: '70000' })).toThrow("PORT must be an integer from 0 to 65535, got '70000'");
    expect(() => optionsFromEnv({ WEBHOOK_SECRET: SECRET, TOLERANCE_SECONDS: '5m' })).toThrow(/^TOLERANCE_SECONDS must be an integer/);
  });
});
