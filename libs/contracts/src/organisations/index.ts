import type { JsonSchema } from '../json-schema.js';

/** The organisations context's public event schemas, by event type and schema version. */
export const organisationsSchemas: Record<string, Record<number, JsonSchema>> = {};
