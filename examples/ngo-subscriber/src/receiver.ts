/**
 * A receiver of cogov's webhooks: verifies each request (verify.ts), refuses ids it has already handled
 * (dedupe.ts), and appends each new event to `<dataDir>/events.ndjson`. Replace that append with your own
 * handling; keep the order of the steps. Run: `WEBHOOK_SECRET=whsec_… node src/receiver.ts` (README.md).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppendLog } from './append-log.ts';
import { SeenIds } from './dedupe.ts';
import { DEFAULT_TOLERANCE_SECONDS, secretKey, verifyWebhook } from './verify.ts';

const WEBHOOK_PATH = '/webhooks';
/** cogov's events are a few KiB; a larger body is not one of them and is refused before it fills the memory. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ReceiverOptions {
  /** `whsec_<base64>`, as `createWebhookSubscription` returned it. */
  secret: string;
  /** Where `events.ndjson` and `seen-ids.txt` live; created when missing. */
  dataDir: string;
  /** 8787 when omitted; 0 takes a free port (the returned `port` says which). */
  port?: number;
  host?: string;
  toleranceSeconds?: number;
  /** Where the one line per request goes; stdout when omitted. */
  log?: (line: string) => void;
}

export interface RunningReceiver {
  port: number;
  /** Stops accepting connections, lets the requests under way finish, then closes the files. */
  close(): Promise<void>;
}

export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  // A malformed secret would fail every request with 401; failing here says so once, at start.
  secretKey(options.secret);
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const seen = await SeenIds.open(options.dataDir);
  const events = await AppendLog.open(path.join(options.dataDir, 'events.ndjson'));
  const inFlight = new Map<string, Promise<void>>();

  function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function reject(res: ServerResponse, status: number, reason: string, headers?: Record<string, string>): void {
    log(`rejected: ${reason}`);
    reply(res, status, { error: reason }, headers);
  }

  /**
   * Runs `work` for one id at a time: cogov retries after 10 s without an answer, so a retry can arrive while the
   * first attempt is still writing, and both would otherwise find the id unseen and store the event twice.
   */
  async function exclusively(id: string, work: () => Promise<void>): Promise<void> {
    for (let previous = inFlight.get(id); previous; previous = inFlight.get(id)) await previous;
    const done = work();
    inFlight.set(
      id,
      done.then(
        () => undefined,
        () => undefined,
      ).finally(() => inFlight.delete(id)),
    );
    return done;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://receiver');
    if (pathname !== WEBHOOK_PATH) return reject(res, 404, `not found: the receiver listens on POST ${WEBHOOK_PATH}`);
    if (req.method !== 'POST') return reject(res, 405, `method ${req.method} not allowed: use POST`, { allow: 'POST' });
    const body = await readBody(req);
    if (!body) return reject(res, 413, `body larger than ${MAX_BODY_BYTES} bytes`);

    // Verified on the raw bytes, before parsing: JSON.parse and JSON.stringify would not give back what was signed.
    const verified = verifyWebhook({ secret: options.secret, headers: req.headers, body, toleranceSeconds: options.toleranceSeconds });
    if (!verified.ok) return reject(res, 401, verified.reason);
    const { id } = verified;

    await exclusively(id, async () => {
      // A duplicate still gets a 2xx: it is a retry whose first 2xx was lost, and anything else makes cogov retry it.
      if (seen.has(id)) {
        log(`duplicate ${id}`);
        return reply(res, 200, { status: 'duplicate' });
      }
      const text = body.toString('utf8');
      let event: unknown;
      try {
        event = JSON.parse(text);
      } catch {
        return reject(res, 400, 'body is not JSON');
      }
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return reject(res, 400, 'body is not a JSON object');

      // The event as cogov sent it, on one line (a line break in valid JSON is only ever whitespace). It is stored
      // before its id: a crash in between makes the redelivery store it again, never lose it, so whatever reads
      // events.ndjson dedupes on `id` too.
      await events.append(text.trim().replace(/[\r\n]+/g, ' '));
      await seen.add(id);
      const { type, subject, streamversion } = event as Record<string, unknown>;
      log(`accepted ${String(type)} ${id} stream=${String(subject)}#${String(streamversion)}`);
      reply(res, 200, { status: 'accepted' });
    });
  }

  const server = createServer(
    // cogov gives up on an attempt after 10 s; a request still arriving after 30 s is not one of its attempts.
    { headersTimeout: 10_000, requestTimeout: 30_000 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A 5xx makes cogov try again later, which is what a full disk or an unwritable folder calls for.
        log(`failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) reply(res, 500, { error: 'the event could not be stored; try again later' });
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await Promise.all([seen.close(), events.close()]);
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  log(`ngo-subscriber listening on http://${host.includes(':') ? `[${host}]` : host}:${port}${WEBHOOK_PATH}`);

  return {
    port,
    async close() {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await Promise.all([seen.close(), events.close()]);
    },
  };
}

/** The body, or undefined when it is larger than MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  // A declared length is refused at once; the rest of the body is then read and dropped by node:http.
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit, so the client gets the 413 instead of a connection reset mid-upload.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined;
}

function integerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got '${text}'`);
  return value;
}

/** The options `node src/receiver.ts` runs with; throws a RangeError that says which variable is wrong. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): ReceiverOptions {
  const secret = env.WEBHOOK_SECRET;
  if (!secret) throw new RangeError('WEBHOOK_SECRET is required: the whsec_… secret createWebhookSubscription returned (README.md)');
  try {
    secretKey(secret);
  } catch (error) {
    throw new RangeError(`WEBHOOK_SECRET: ${(error as Error).message}`);
  }
  return {
    secret,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    port: integerFromEnv(env, 'PORT', 8787, 0, 65_535),
    host: env.HOST || '127.0.0.1',
    toleranceSeconds: integerFromEnv(env, 'TOLERANCE_SECONDS', DEFAULT_TOLERANCE_SECONDS, 1, 86_400),
  };
}

async function main(): Promise<void> {
  let options: ReceiverOptions;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`ngo-subscriber: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  let receiver: RunningReceiver;
  try {
    receiver = await startReceiver(options);
  } catch (error) {
    process.stderr.write(`ngo-subscriber: could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const stop = (): void => {
    receiver.close().catch((error: unknown) => {
      process.stderr.write(`ngo-subscriber: ${(error as Error).message}\n`);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) await main();
