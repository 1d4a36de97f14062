import ajvModule, { type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { ENCRYPTED_FIELD_REF, SCHEMA_BASE_URL, kebabCase, type JsonSchema } from './json-schema.js';
import { allContracts, type EventContract } from './registry.js';

/**
 * Public contracts (docs/adr/0009-public-events.md): the events partners and analysts may see, derived from the
 * internal contracts, with **no personal data at all** — the encrypted fields are removed (not even ciphertext
 * leaves), and so are the ids of natural persons and the free texts staff write about people (`omit`).
 * An event type not listed here never reaches a public topic.
 *
 * Each public event keeps its internal schema version; a newer internal version gets a newer public one, and a
 * public topic carries only the latest (older stored events are upcast before publication, never rewritten).
 */
export const PUBLIC_EVENTS: Readonly<Record<string, Readonly<Record<string, { omit?: readonly string[] }>>>> = {
  residents: {
    CommunityRegistered: {},
    GridDelineated: {},
    AppealFiled: { omit: ['location', 'householdId', 'residentId'] },
    AppealAccepted: {},
    AppealDispatched: {},
    AppealEscalated: {},
    AppealResolved: { omit: ['resolution'] },
    AppealReopened: { omit: ['reason'] },
    AppealReturnVisited: { omit: ['comment'] },
  },
  organisations: {
    OrganisationRegistered: {},
    SocialOrganisationIncubated: {},
    SocialOrganisationLegallyRegistered: {},
    CoBuildingPairingEstablished: {},
    PairingMonthlyThemeSet: {},
    PairingPledgeAmended: { omit: ['reason'] },
    PairingActivityHeld: { omit: ['volunteerIds'] },
    PairingSupportFundDisbursed: {},
    PairingReviewed: { omit: ['comments'] },
    PairingEnded: {},
    SharedFacilityOffered: {},
    SharedFacilityOpeningHoursChanged: {},
    SharedFacilityWithdrawn: {},
  },
  volunteers: {
    VolunteerTeamFormed: {},
    VolunteerTeamDisbanded: {},
    // An opportunity opened from a help request (workflow 2) names the home it serves: no place, no content.
    ServiceOpportunityPublished: { omit: ['personInChargeId', 'place', 'content'] },
    ServiceOpportunityCancelled: {},
    ServiceOpportunityCompleted: {},
  },
  property: {
    CompoundRegistered: {},
    CompoundOccupancyRecorded: {},
    CompoundMarkedRedProperty: {},
    PropertyServiceContractSigned: {},
    PropertyServiceContractEnded: {},
    WorkOrderOpened: { omit: ['summary', 'location'] },
    WorkOrderAssigned: { omit: ['assigneeId'] },
    WorkOrderCompleted: { omit: ['assigneeId', 'completionNote'] },
    WorkOrderVerified: { omit: ['verifiedBy', 'note'] },
    WorkOrderCompletionRejected: { omit: ['rejectedBy', 'reason'] },
    PropertyServiceAssessmentOpened: {},
    PropertyServiceCriterionScored: {},
    PropertyServiceAssessmentVetoed: { omit: ['note'] },
    PropertyServiceAssessmentConcluded: {},
    OwnersCommitteePreparatoryGroupFormed: { omit: ['memberIds'] },
    OwnersCommitteeElected: { omit: ['memberIds'] },
    OwnersCommitteeFiled: {},
    OwnersAssemblyConvened: {},
  },
  'party-building': {
    PartyOrganisationEstablished: {},
    PartyMassesServiceCentreOpened: {},
    PartyActivityHeld: {},
  },
};

/** The public topic of a context: `cogov.<context>.public.v1` (the layout's major version in the name). */
export function publicTopic(context: string, prefix?: string): string {
  const topic = `cogov.${context}.public.v1`;
  return prefix ? `${prefix}.${topic}` : topic;
}

/** CloudEvents `type` on a public topic: `cn.cogov.public.<context>.<event>.v<n>`. */
export function publicCloudEventType(context: string, eventType: string, schemaVersion: number): string {
  return `cn.cogov.public.${context}.${kebabCase(eventType)}.v${schemaVersion}`;
}

export interface PublicContract {
  context: string;
  eventType: string;
  schemaVersion: number;
  cloudEventType: string;
  topic: string;
  /** The public `data` schema: closed objects, nothing personal. */
  schema: JsonSchema;
  /** What the internal event has that the public one has not: its encrypted fields and the omitted ones. */
  removed: readonly string[];
}

const isPersonal = (property: JsonSchema): boolean =>
  property['$ref'] === ENCRYPTED_FIELD_REF ||
  (Array.isArray(property['anyOf']) && (property['anyOf'] as JsonSchema[]).some((branch) => branch['$ref'] === ENCRYPTED_FIELD_REF));

/** The schema without personal fields (at any depth) and without the top-level `omit`ted ones. */
function publicSchemaOf(schema: JsonSchema, omit: readonly string[], removed: string[], path = ''): JsonSchema {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (!properties) {
    const items = schema['items'] as JsonSchema | undefined;
    return items && typeof items === 'object' ? { ...schema, items: publicSchemaOf(items, [], removed, `${path}[]`) } : schema;
  }
  const kept: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(properties)) {
    const at = path ? `${path}.${name}` : name;
    if (isPersonal(property) || (path === '' && omit.includes(name))) {
      removed.push(at);
      continue;
    }
    kept[name] = publicSchemaOf(property, [], removed, at);
  }
  const { $defs: _defs, $schema: _dialect, examples: _examples, ...rest } = schema;
  const required = ((schema['required'] as string[] | undefined) ?? []).filter((name) => name in kept);
  return { ...rest, properties: kept, required };
}

/** The data as a public event carries it: only what the public schema has, at any depth. */
export function toPublicData(schema: JsonSchema, data: unknown): unknown {
  if (Array.isArray(data)) {
    const items = schema['items'] as JsonSchema | undefined;
    return items ? data.map((item) => toPublicData(items, item)) : data;
  }
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (!properties || data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (name in (data as Record<string, unknown>)) out[name] = toPublicData(property, (data as Record<string, unknown>)[name]);
  }
  return out;
}

function derive(contract: EventContract, omit: readonly string[]): PublicContract {
  const declared = Object.keys((contract.schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
  const unknown = omit.filter((name) => !declared.includes(name));
  if (unknown.length > 0) throw new Error(`public ${contract.eventType}: omits ${unknown.join(', ')}, which the event does not have`);
  const removed: string[] = [];
  const schema = {
    ...publicSchemaOf(contract.schema, omit, removed),
    $id: `${SCHEMA_BASE_URL}/public/${contract.context}/${kebabCase(contract.eventType)}.v${contract.schemaVersion}.json`,
  };
  const examples = ((contract.schema['examples'] as unknown[] | undefined) ?? []).map((example) => toPublicData(schema, example));
  return {
    context: contract.context,
    eventType: contract.eventType,
    schemaVersion: contract.schemaVersion,
    cloudEventType: publicCloudEventType(contract.context, contract.eventType, contract.schemaVersion),
    topic: publicTopic(contract.context),
    schema: { ...schema, examples },
    removed,
  };
}

const publicContracts = new Map<string, PublicContract>();
for (const contract of allContracts()) {
  const listed = PUBLIC_EVENTS[contract.context]?.[contract.eventType];
  if (listed) publicContracts.set(`${contract.eventType}@v${contract.schemaVersion}`, derive(contract, listed.omit ?? []));
}
for (const [context, types] of Object.entries(PUBLIC_EVENTS)) {
  for (const eventType of Object.keys(types)) {
    if (![...publicContracts.values()].some((c) => c.context === context && c.eventType === eventType)) {
      throw new Error(`PUBLIC_EVENTS lists ${context}/${eventType}, which has no contract`);
    }
  }
}

/** Every public contract, by context, event and version. */
export function allPublicContracts(): PublicContract[] {
  return [...publicContracts.values()].sort(
    (a, b) => a.context.localeCompare(b.context) || a.eventType.localeCompare(b.eventType) || a.schemaVersion - b.schemaVersion,
  );
}

export function publicContractFor(eventType: string, schemaVersion: number): PublicContract | undefined {
  return publicContracts.get(`${eventType}@v${schemaVersion}`);
}

// ajv and ajv-formats are CommonJS: see registry.ts.
const Ajv2020 = ajvModule.default;
const addFormats = formatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/** Checks public `data` against its public schema: a public topic carries nothing else (a test checks every event). */
export function validatePublicData(eventType: string, schemaVersion: number, data: unknown): { valid: boolean; errors: string[] } {
  const contract = publicContractFor(eventType, schemaVersion);
  if (!contract) return { valid: false, errors: [`${eventType} v${schemaVersion} is not a public event`] };
  let validate = validators.get(contract.cloudEventType);
  if (!validate) {
    const { examples: _examples, ...schema } = contract.schema;
    validate = ajv.compile(schema);
    validators.set(contract.cloudEventType, validate);
  }
  const valid = validate(data);
  return { valid, errors: (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`) };
}
