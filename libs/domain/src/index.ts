export * from './domain-errors.js';
export * from './guards.js';
export * from './same-facts.js';
export * from './unified-social-credit-code.js';
