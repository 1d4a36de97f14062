import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER, defaultKeysDir, type JwtVerifierConfig } from '@cogov/auth';
import { SUBGRAPHS } from './subgraphs.js';

export interface GatewayLimits {
  /** Deepest field nesting of an operation (root fields are depth 1). */
  maxDepth: number;
  /** Aliases in an operation, fragments expanded where they are used. */
  maxAliases: number;
  /** Estimated cost: 1 per field, a list field's selection counted `listFactor` times. */
  maxCost: number;
  listFactor: number;
  /** Largest request body in bytes (HTTP 413 above it). */
  maxBodyBytes: number;
  /** Operations per caller (token client_id + subject) per window. */
  rateLimitRequests: number;
  rateLimitWindowMs: number;
}

export interface GatewayConfig {
  port: number;
  host: string;
  production: boolean;
  jwt: JwtVerifierConfig;
  /** The supergraph SDL (composed at build time, services/gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name → URL the gateway sends its fetches to. */
  subgraphUrls: Record<string, string>;
  limits: GatewayLimits;
}

/** services/gateway/supergraph.graphql, from src/ under Jest and from dist/services/gateway/src at run time. */
export function supergraphPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++, dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return path.join(dir, 'services', 'gateway', 'supergraph.graphql');
  }
  throw new Error('cannot find the repository root (nx.json) above the gateway');
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  return value;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const supergraphFile = env.SUPERGRAPH_PATH || supergraphPath();
  return {
    port: integer(env, 'PORT', 4000, 0),
    host: env.HOST || '0.0.0.0',
    production: env.NODE_ENV === 'production',
    jwt: {
      issuer: env.JWT_ISSUER ?? DEV_ISSUER,
      audience: env.JWT_AUDIENCE ?? DEV_AUDIENCE,
      ...(env.JWT_PUBLIC_KEY_PATH
        ? { publicKey: readFileSync(env.JWT_PUBLIC_KEY_PATH, 'utf8') }
        : { jwks: env.JWT_JWKS_PATH || path.join(defaultKeysDir(env), 'dev-jwks.json') }),
    },
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[s.urlVariable] || s.defaultUrl])),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 10, 1),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', 15, 0),
      maxCost: integer(env, 'MAX_QUERY_COST', 5000, 1),
      listFactor: integer(env, 'QUERY_COST_LIST_FACTOR', 10, 1),
      maxBodyBytes: integer(env, 'MAX_REQUEST_BYTES', 64 * 1024, 1024),
      rateLimitRequests: integer(env, 'RATE_LIMIT_REQUESTS', 300, 1),
      rateLimitWindowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000),
    },
  };
}
