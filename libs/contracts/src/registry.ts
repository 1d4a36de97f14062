import ajvModule, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { ENCRYPTED_FIELD_REF, kebabCase, type JsonSchema } from './json-schema.js';
import { organisationsSchemas } from './organisations/index.js';
import { partyBuildingSchemas } from './party-building/index.js';
import { propertySchemas } from './property/index.js';
import { residentsSchemas } from './residents/index.js';
import { volunteersSchemas } from './volunteers/index.js';

// ajv and ajv-formats are CommonJS; under NodeNext the default import is `module.exports`, whose `.default`
// is the same class/function, so `.default` is right both for the type checker and at runtime.
const Ajv2020 = ajvModule.default;
const addFormats = formatsModule.default;

/** A public event contract: one event type of one context at one schema version. */
export interface EventContract {
  context: string;
  eventType: string;
  schemaVersion: number;
  /** CloudEvents `type` attribute on the public topics, e.g. `cn.cogov.residents.appeal-filed.v1`. */
  cloudEventType: string;
  /** JSON Schema (draft 2020-12) of the event's `data`. */
  schema: JsonSchema;
  /** Paths (dot-separated) of the fields that must be `EncryptedField`s. */
  personalFields: readonly string[];
}

export interface ValidationResult {
  valid: boolean;
  /** Human-readable, each naming the field: `/name must be object`, `/ must have required property 'phone'`. */
  errors: string[];
}

/** The event catalogue, by context. Adding a context here is all it takes to publish its contracts. */
const schemasByContext: Record<string, Record<string, Record<number, JsonSchema>>> = {
  residents: residentsSchemas,
  organisations: organisationsSchemas,
  volunteers: volunteersSchemas,
  property: propertySchemas,
  'party-building': partyBuildingSchemas,
};

export function cloudEventTypeFor(context: string, eventType: string, schemaVersion: number): string {
  return `cn.cogov.${context}.${kebabCase(eventType)}.v${schemaVersion}`;
}

/** Walks the schema's properties and collects every field declared as an EncryptedField. */
function encryptedFieldPaths(schema: JsonSchema, prefix = ''): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (property['$ref'] === ENCRYPTED_FIELD_REF) return [path];
    // A nullable personal field (`nullableEncrypted`): an EncryptedField or null.
    if (Array.isArray(property['anyOf']) && (property['anyOf'] as JsonSchema[]).some((branch) => branch['$ref'] === ENCRYPTED_FIELD_REF)) return [path];
    return encryptedFieldPaths(property, path);
  });
}

const key = (eventType: string, schemaVersion: number): string => `${eventType}@v${schemaVersion}`;

const contracts = new Map<string, EventContract>();
const validators = new Map<string, ValidateFunction>();
// One Ajv instance, every schema compiled once at module load: a contract that does not compile fails the
// service at start-up, not on the first event of that type.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
for (const [context, byType] of Object.entries(schemasByContext)) {
  for (const [eventType, byVersion] of Object.entries(byType)) {
    for (const [version, schema] of Object.entries(byVersion)) {
      const schemaVersion = Number(version);
      if (contracts.has(key(eventType, schemaVersion))) {
        throw new Error(`Event type ${eventType} v${schemaVersion} is declared by two contexts`);
      }
      contracts.set(key(eventType, schemaVersion), {
        context,
        eventType,
        schemaVersion,
        cloudEventType: cloudEventTypeFor(context, eventType, schemaVersion),
        schema,
        personalFields: encryptedFieldPaths(schema),
      });
      validators.set(key(eventType, schemaVersion), ajv.compile(schema));
    }
  }
}

/** All contracts, e.g. to write the AsyncAPI document or to test that every schema compiles. */
export function allContracts(): EventContract[] {
  return [...contracts.values()];
}

export function contractFor(eventType: string, schemaVersion: number): EventContract | undefined {
  return contracts.get(key(eventType, schemaVersion));
}

/** The latest schema version of an event type, or undefined when the type has no public contract. */
export function latestSchemaVersionOf(eventType: string): number | undefined {
  const versions = allContracts()
    .filter((c) => c.eventType === eventType)
    .map((c) => c.schemaVersion);
  return versions.length === 0 ? undefined : Math.max(...versions);
}

/**
 * The fields of an event type that hold personal data (and so must be EncryptedFields), at the given schema
 * version or the latest. Producer tests use it to prove no plaintext personal data leaves the service.
 * An event type without a contract has none listed: it throws, because "no personal fields" must not be
 * the answer to a typo.
 */
export function personalFieldsOf(eventType: string, schemaVersion?: number): readonly string[] {
  const version = schemaVersion ?? latestSchemaVersionOf(eventType);
  const contract = version === undefined ? undefined : contractFor(eventType, version);
  if (contract === undefined) {
    throw new Error(`No public contract for event type ${eventType}${schemaVersion ? ` v${schemaVersion}` : ''}`);
  }
  return contract.personalFields;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    return `${at} must NOT have additional property '${String(error.params['additionalProperty'])}'`;
  }
  if (error.keyword === 'enum') {
    return `${at} must be one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
  }
  return `${at} ${error.message ?? error.keyword}`;
}

/** Validates an event's `data` against its public contract. An unknown type or version is invalid. */
export function validateEventData(eventType: string, schemaVersion: number, data: unknown): ValidationResult {
  const validate = validators.get(key(eventType, schemaVersion));
  if (validate === undefined) {
    return { valid: false, errors: [`no public contract for ${eventType} v${schemaVersion}`] };
  }
  if (validate(data)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(describe) };
}
