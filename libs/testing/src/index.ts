export * from './environment.js';
export * from './database.js';
export * from './kafka.js';
export * from './decider-specification.js';
export * from './service-app.js';
export * from './contract-checks.js';
