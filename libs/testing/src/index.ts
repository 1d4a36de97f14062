export * from './environment.js';
export * from './database.js';
export * from './kafka.js';
export { testRunId, TEST_RUN_ENV } from './global-setup.js';
export * from './decider-specification.js';
export * from './service-app.js';
export * from './contract-checks.js';
export * from './browser.js';
export { freePort } from './ports.js';
