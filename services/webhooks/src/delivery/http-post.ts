import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup } from './targets.js';

/**
 * One POST with node:http(s), answering the status code: what fetch cannot give, a `lookup` of the connection's own
 * (the internal-address check at connect time, `publicOnlyLookup`), unless insecure targets are allowed. Redirects
 * are never followed (a 3xx is the answer); the response body is drained unread; `timeoutMs` bounds the whole
 * request up to the status line.
 */
export function postOnce(url: string, options: { body: string; headers: Record<string, string>; timeoutMs: number; allowInsecure: boolean }): Promise<number> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowInsecure ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
