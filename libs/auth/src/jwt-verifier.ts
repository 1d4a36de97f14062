import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  createLocalJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isRole, type Actor, type Jurisdiction } from './actor.js';

/**
 * Only asymmetric algorithms: a service holding a verification key must never be able to mint tokens, and
 * an explicit list is what defeats `alg: none` and the HS256-with-the-public-key confusion attack.
 */
export const ALLOWED_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type AllowedAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

export interface JwtVerifierConfig {
  issuer: string;
  audience: string | string[];
  /** A PEM (SPKI) public key: P-256 for ES256 or Ed25519 for EdDSA. */
  publicKey?: string;
  /** A JWKS object, or the path of a JSON file holding one (public keys only). */
  jwks?: JSONWebKeySet | string;
  /** Allowed clock skew for exp/nbf/iat between the issuer and us; 30 s unless given. */
  clockToleranceSeconds?: number;
}

/**
 * Why a token was refused. The message is safe to show to the caller: it names the failed check, never
 * the token, the key or a stack.
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

interface KeySource {
  key: CryptoKey | JWTVerifyGetKey;
  algorithms: AllowedAlgorithm[];
}

async function keySourceOf(config: JwtVerifierConfig): Promise<KeySource> {
  if ((config.publicKey === undefined) === (config.jwks === undefined)) {
    throw new Error('JwtVerifier needs exactly one of publicKey or jwks');
  }
  if (config.publicKey !== undefined) {
    const algorithm = algorithmOfPem(config.publicKey);
    return { key: await importSPKI(config.publicKey, algorithm), algorithms: [algorithm] };
  }
  const source = config.jwks as JSONWebKeySet | string;
  const jwks: JSONWebKeySet =
    typeof source === 'string' ? (JSON.parse(await readFile(source, 'utf8')) as JSONWebKeySet) : source;
  for (const jwk of jwks.keys) {
    if (jwk.kty === 'oct' || 'd' in jwk) {
      throw new Error('The JWKS for token verification must hold public keys only');
    }
  }
  return { key: createLocalJWKSet(jwks), algorithms: [...ALLOWED_ALGORITHMS] };
}

function algorithmOfPem(pem: string): AllowedAlgorithm {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`Unsupported public key type for token verification: ${key.asymmetricKeyType ?? 'unknown'}`);
}

const stringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);

/** Claims → Actor. Malformed claims fail closed; unknown roles are ignored, but at least one known role is needed. */
export function actorFromClaims(claims: JWTPayload): Actor {
  const { sub, roles, jurisdiction, client_id: clientId } = claims as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new AuthenticationError('token has no subject');
  if (typeof clientId !== 'string' || clientId === '') throw new AuthenticationError('token has no client_id');
  if (!stringArray(roles)) throw new AuthenticationError('token claim "roles" must be a list of role names');
  const knownRoles = roles.filter(isRole);
  if (knownRoles.length === 0) throw new AuthenticationError('token carries no known role');
  const j = (jurisdiction ?? {}) as Partial<Record<keyof Jurisdiction, unknown>>;
  if (typeof j !== 'object' || j === null) throw new AuthenticationError('token claim "jurisdiction" must be an object');
  const list = (field: keyof Jurisdiction): string[] => {
    const value = j[field] ?? [];
    if (!stringArray(value)) throw new AuthenticationError(`token claim "jurisdiction.${field}" must be a list of ids`);
    return value;
  };
  return {
    subject: sub,
    roles: knownRoles,
    jurisdiction: {
      streetIds: list('streetIds'),
      communityIds: list('communityIds'),
      gridIds: list('gridIds'),
      organisationIds: list('organisationIds'),
    },
    clientId,
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof AuthenticationError) return error.message;
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'nbf' ? 'token is not valid yet' : `token claim "${error.claim}" is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'token is signed by an unknown key';
  }
  if (error instanceof errors.JOSEError) return 'token is malformed';
  throw error;
}

/** Verifies bearer tokens and turns their claims into an Actor. Framework-free; the Nest guard wraps it. */
export class JwtVerifier {
  private constructor(
    private readonly keySource: KeySource,
    private readonly config: JwtVerifierConfig,
  ) {}

  static async create(config: JwtVerifierConfig): Promise<JwtVerifier> {
    return new JwtVerifier(await keySourceOf(config), config);
  }

  /** @throws AuthenticationError with a message fit for the caller. */
  async verify(token: string): Promise<Actor> {
    const options = {
      algorithms: this.keySource.algorithms,
      issuer: this.config.issuer,
      audience: this.config.audience,
      clockTolerance: this.config.clockToleranceSeconds ?? 30,
      requiredClaims: ['exp', 'sub'],
    };
    try {
      const { key } = this.keySource;
      // Two calls only because jwtVerify's overloads take a key or a key resolver, not the union.
      const { payload } =
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      return actorFromClaims(payload);
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
  }
}
