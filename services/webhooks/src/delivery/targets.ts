import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ValidationError } from '@cogov/domain';

const MAX_URL_LENGTH = 2048;

/** Addresses a receiver may not have unless insecure targets are allowed: loopback, private, link-local, CGNAT, ULA … */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A subscription's URL as given: absolute, https (http only when insecure targets are allowed), no user info, no
 * fragment, and — when insecure targets are not allowed — not a literal internal address.
 */
export function requireTargetUrl(value: string | null | undefined, allowInsecure: boolean, field = 'url'): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw new ValidationError(field, `${field} is required`);
  if (text.length > MAX_URL_LENGTH) throw new ValidationError(field, `${field} is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(field, `${field} must be an absolute URL, got '${text.slice(0, 100)}'`);
  }
  const schemes = allowInsecure ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new ValidationError(field, `${field} must use ${allowInsecure ? 'https or http' : 'https'}, got ${url.protocol.replace(':', '')}`);
  }
  if (url.username || url.password) throw new ValidationError(field, `${field} must not carry a user name or password; the signature authenticates the sender`);
  if (url.hash) throw new ValidationError(field, `${field} must not have a fragment`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInsecure && (host === 'localhost' || isInternalAddress(host))) {
    throw new ValidationError(field, `${field} must point to a public address, not ${host}`);
  }
  return url.toString();
}

/** Refuses a receiver whose host is a literal internal address; a name is checked as it is resolved (`publicOnlyLookup`). */
export function assertPublicTarget(url: string, allowInsecure: boolean): void {
  if (allowInsecure) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isInternalAddress(host)) throw new Error(`${host} is an internal address`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` of the connection itself (node:http's option): a name resolving to an internal address fails the
 * request. Checked where the socket connects, not in a lookup of its own before it, so a name that answers a public
 * address to the check and an internal one to the connection (DNS rebinding) gets nowhere.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const inside = addresses.find(({ address }) => isInternalAddress(address));
    if (inside) return callback(Object.assign(new Error(`${hostname} resolves to ${inside.address}, an internal address`), { code: 'EINTERNALADDRESS' }), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
  });
}
