import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Everything the residents service reads from its environment, parsed once at boot. */
export interface ResidentsConfig {
  databaseUrl: string;
  kafkaBrokers: string[];
  port: number;
  /** AES-256 master key of the personal-data vault (wraps the per-subject keys). */
  masterKey: Buffer;
  /** Token verification: a PEM public key, or a JWKS file (the dev keys' `dev-jwks.json` by default). */
  jwt: { issuer: string; audience: string; key: { publicKey: string } | { jwks: string } };
  /** Prefix in front of `cogov.residents.events`: isolates tests and environments sharing a broker. */
  topicPrefix: string | undefined;
  /** 1 on a single-node development broker; the broker default (-1) in production. */
  kafkaReplicationFactor: number;
  escalation: { enabled: boolean; intervalMs: number };
  /** Category code → deadline tier; categories not listed fall back to `general`. */
  categoryTiers: Record<string, string> | undefined;
  /** Whether the Kafka outbox relay runs (the demo loader only writes the store). */
  relayEnabled: boolean;
  /** How long a mutation waits for the read models it answers from to contain its events. */
  readYourWritesTimeoutMs: number;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cogov_residents';

function dataRoot(env: NodeJS.ProcessEnv): string {
  return env.COGOV_DATA ?? path.join(homedir(), '.local', 'share', 'cogov');
}

/**
 * The dev master key is generated once and kept outside the checkout, so it never lands in git and
 * ciphertexts written by one run stay readable by the next. Production passes COGOV_MASTER_KEY.
 */
export function loadMasterKey(env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env.COGOV_MASTER_KEY;
  if (fromEnv) return decodeMasterKey(fromEnv, 'COGOV_MASTER_KEY');
  const file = path.join(dataRoot(env), 'keys', 'master.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return decodeMasterKey(readFileSync(file, 'utf8').trim(), file);
}

function decodeMasterKey(base64: string, origin: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${origin} must be base64 of exactly 32 bytes (got ${key.length})`);
  return key;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  return value;
}

function categoryTiers(env: NodeJS.ProcessEnv): Record<string, string> | undefined {
  const raw = env.APPEAL_CATEGORY_TIERS;
  if (!raw) return undefined;
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('APPEAL_CATEGORY_TIERS must be a JSON object of category code → tier');
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ResidentsConfig {
  return {
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    port: integer(env, 'PORT', 4001, 1),
    masterKey: loadMasterKey(env),
    jwt: {
      issuer: env.JWT_ISSUER ?? 'https://auth.cogov.local',
      audience: env.JWT_AUDIENCE ?? 'cogov',
      key: env.JWT_PUBLIC_KEY_PATH
        ? { publicKey: readFileSync(env.JWT_PUBLIC_KEY_PATH, 'utf8') }
        : { jwks: env.JWT_JWKS_PATH ?? path.join(dataRoot(env), 'keys', 'dev-jwks.json') },
    },
    topicPrefix: env.KAFKA_TOPIC_PREFIX || undefined,
    kafkaReplicationFactor: integer(env, 'KAFKA_REPLICATION_FACTOR', 1, -1),
    escalation: {
      enabled: env.ESCALATION_ENABLED !== 'false',
      intervalMs: integer(env, 'ESCALATION_INTERVAL_MS', 60_000, 100),
    },
    categoryTiers: categoryTiers(env),
    relayEnabled: env.OUTBOX_RELAY_ENABLED !== 'false',
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 3000, 0),
  };
}
