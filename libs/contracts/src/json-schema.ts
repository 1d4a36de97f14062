/**
 * Building blocks for the public event schemas (JSON Schema draft 2020-12).
 *
 * Every data object in a public event is closed (`additionalProperties: false`) and has every property
 * required: events carry no optional fields (style.md), so a missing field is always a producer bug.
 */

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const SCHEMA_BASE_URL = 'https://cogov.cn/schemas';

/** The subset of JSON Schema our contracts use; kept loose on purpose so schemas stay plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** `$ref` to the shared EncryptedField definition embedded in every event schema. */
export const ENCRYPTED_FIELD_REF = '#/$defs/EncryptedField';

/**
 * An AES-256-GCM encrypted personal field (`EncryptedField` in @cogov/eventsourcing). The lengths pin the
 * 12-byte IV and the 16-byte GCM tag as standard, padded base64, so a truncated or re-encoded value fails
 * here instead of at decryption time in some consumer.
 */
export const ENCRYPTED_FIELD_SCHEMA: JsonSchema = {
  title: 'EncryptedField',
  description:
    "A personal field encrypted with the data subject's own key (crypto-shredding). Unreadable once the subject is erased.",
  type: 'object',
  additionalProperties: false,
  required: ['$pii', 'subject', 'iv', 'ct', 'tag'],
  properties: {
    $pii: { const: 'v1' },
    subject: { type: 'string', minLength: 1, description: 'The data subject whose key encrypts this field.' },
    iv: { type: 'string', pattern: '^[A-Za-z0-9+/]{16}$', description: 'base64 of the 12-byte IV.' },
    ct: { type: 'string', pattern: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$' },
    tag: { type: 'string', pattern: '^[A-Za-z0-9+/]{22}==$', description: 'base64 of the 16-byte GCM tag.' },
  },
};

export const id: JsonSchema = { type: 'string', minLength: 1 };
export const text: JsonSchema = { type: 'string' };
export const nullableId: JsonSchema = { type: ['string', 'null'], minLength: 1 };
export const encrypted: JsonSchema = { $ref: ENCRYPTED_FIELD_REF };
/**
 * A personal field that may be absent: an EncryptedField, or null when the producer holds none (e.g. a volunteer
 * linked to a party member, whose name and phone stay under party-building's keys). Still a personal field.
 */
export const nullableEncrypted: JsonSchema = { anyOf: [{ $ref: ENCRYPTED_FIELD_REF }, { type: 'null' }] };
/** UTC only: `format: date-time` alone would also accept local offsets, which break ordering by string. */
export const utcDateTime: JsonSchema = { type: 'string', format: 'date-time', pattern: 'Z$' };
/** A calendar date (Asia/Shanghai), `YYYY-MM-DD`. */
export const calendarDate: JsonSchema = { type: 'string', format: 'date' };
export const oneOf = (...values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });

/** A closed object whose properties are all required. */
export function closedObject(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

export interface EventSchemaSpec {
  context: string;
  eventType: string;
  schemaVersion: number;
  description: string;
  properties: Record<string, JsonSchema>;
  /** At least one valid payload: documentation for partners and the fixture the contract tests run. */
  examples: readonly [Record<string, unknown>, ...Record<string, unknown>[]];
}

/** `AppealFiled` → `appeal-filed`. */
export function kebabCase(eventType: string): string {
  return eventType
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export function schemaIdFor(context: string, eventType: string, schemaVersion: number): string {
  return `${SCHEMA_BASE_URL}/${context}/${kebabCase(eventType)}.v${schemaVersion}.json`;
}

/** The JSON Schema of one event type's `data` at one version, self-contained (EncryptedField embedded). */
export function eventSchema(spec: EventSchemaSpec): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaIdFor(spec.context, spec.eventType, spec.schemaVersion),
    title: `${spec.eventType} v${spec.schemaVersion}`,
    description: spec.description,
    ...closedObject(spec.properties),
    $defs: { EncryptedField: ENCRYPTED_FIELD_SCHEMA },
    examples: spec.examples,
  };
}
