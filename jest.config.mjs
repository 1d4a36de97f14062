import { libAliases, repoRoot, swcOptions } from './infra/swc.config.mjs';

const common = {
  rootDir: repoRoot,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions({ forJest: true })] },
  moduleNameMapper: {
    ...Object.fromEntries(Object.entries(libAliases).map(([k, v]) => [`^${k}$`, `<rootDir>/${v}`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  // testTimeout is a global option in Jest 30 (ignored inside projects).
  testTimeout: 120_000,
  reporters: [['default', { summaryThreshold: 0 }]],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,examples}/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,examples}/**/*.{int,e2e}.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
