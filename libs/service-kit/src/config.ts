import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** What every cogov service reads from its environment, parsed once at boot. A service extends it with its own. */
export interface ServiceConfig {
  databaseUrl: string;
  kafkaBrokers: string[];
  port: number;
  /** AES-256 master key of the personal-data vault (wraps the per-subject keys). */
  masterKey: Buffer;
  /** Token verification: a PEM public key, or a JWKS file (the dev keys' `dev-jwks.json` by default). */
  jwt: { issuer: string; audience: string; key: { publicKey: string } | { jwks: string } };
  /** Prefix in front of `cogov.<context>.events`: isolates tests and environments sharing a broker. */
  topicPrefix: string | undefined;
  /** 1 on a single-node development broker; the broker default (-1) in production. */
  kafkaReplicationFactor: number;
  /**
   * How long the broker waits for a silent consumer before giving its partitions to the others (kafkajs's
   * 30 s by default). A crashed instance's partitions stay unread that long.
   */
  kafkaSessionTimeoutMs: number;
  /** Whether the Kafka outbox relay runs (a loader that only writes the store turns it off). */
  relayEnabled: boolean;
  /** How long a mutation waits for the read models it answers from to contain its events. */
  readYourWritesTimeoutMs: number;
}

/** Per-service defaults: each context has its own database and port. */
export interface ServiceDefaults {
  /** Database name, e.g. `cogov_residents`. */
  database: string;
  port: number;
}

export function defaultDatabaseUrl(database: string): string {
  return `postgres://postgres@127.0.0.1:5432/${database}`;
}

/** `COGOV_DATA`, else `~/.local/share/cogov`: dev keys and demo files live here, outside the checkout. */
export function dataRoot(env: NodeJS.ProcessEnv = process.env): string {
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

/** An integer setting: `fallback` when unset or empty, a boot failure naming the variable when malformed. */
export function integerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  return value;
}

export function loadServiceConfig(env: NodeJS.ProcessEnv, defaults: ServiceDefaults): ServiceConfig {
  return {
    databaseUrl: env.DATABASE_URL ?? defaultDatabaseUrl(defaults.database),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    port: integerFromEnv(env, 'PORT', defaults.port, 1),
    masterKey: loadMasterKey(env),
    jwt: {
      issuer: env.JWT_ISSUER ?? 'https://auth.cogov.local',
      audience: env.JWT_AUDIENCE ?? 'cogov',
      key: env.JWT_PUBLIC_KEY_PATH
        ? { publicKey: readFileSync(env.JWT_PUBLIC_KEY_PATH, 'utf8') }
        : { jwks: env.JWT_JWKS_PATH ?? path.join(dataRoot(env), 'keys', 'dev-jwks.json') },
    },
    topicPrefix: env.KAFKA_TOPIC_PREFIX || undefined,
    kafkaReplicationFactor: integerFromEnv(env, 'KAFKA_REPLICATION_FACTOR', 1, -1),
    kafkaSessionTimeoutMs: integerFromEnv(env, 'KAFKA_SESSION_TIMEOUT_MS', 30_000, 6_000),
    relayEnabled: env.OUTBOX_RELAY_ENABLED !== 'false',
    readYourWritesTimeoutMs: integerFromEnv(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 3000, 0),
  };
}
