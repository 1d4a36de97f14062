import type { JsonSchema } from '../json-schema.js';

/** The party-building context's public event schemas, by event type and schema version. */
export const partyBuildingSchemas: Record<string, Record<number, JsonSchema>> = {};
