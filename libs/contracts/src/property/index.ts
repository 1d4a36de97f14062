import type { JsonSchema } from '../json-schema.js';

/** The property context's public event schemas, by event type and schema version. */
export const propertySchemas: Record<string, Record<number, JsonSchema>> = {};
