import type { JsonSchema } from '../json-schema.js';

/** The volunteers context's public event schemas, by event type and schema version. */
export const volunteersSchemas: Record<string, Record<number, JsonSchema>> = {};
