export {
  allContracts,
  cloudEventTypeFor,
  contractFor,
  latestSchemaVersionOf,
  personalFieldsOf,
  validateEventData,
  type EventContract,
  type ValidationResult,
} from './registry.js';
export { ENCRYPTED_FIELD_SCHEMA, kebabCase, schemaIdFor, type JsonSchema } from './json-schema.js';
export { residentsSchemas, type ResidentsEventType } from './residents/index.js';
export { renderEventCatalogue } from './catalogue.js';
export {
  PUBLIC_EVENTS,
  allPublicContracts,
  publicCloudEventType,
  publicContractFor,
  publicTopic,
  toPublicData,
  validatePublicData,
  type PublicContract,
} from './public.js';
export { renderAsyncApi } from './asyncapi.js';
