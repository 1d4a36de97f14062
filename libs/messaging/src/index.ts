export * from './cloud-event.js';
export * from './topics.js';
export * from './outbox-relay.js';
export * from './inbox-consumer.js';
export * from './kafka-connection.js';
export * from './logger.js';
export { ensureMessagingSchema } from './schema.js';
