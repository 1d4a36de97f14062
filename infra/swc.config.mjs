// One SWC configuration for the build (infra/build.mjs) and for Jest (jest.config.mjs).
// swc needs an absolute baseUrl, so it is computed from the checkout's location.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const libAliases = {
  '@cogov/eventsourcing': 'libs/eventsourcing/src/index.ts',
  '@cogov/messaging': 'libs/messaging/src/index.ts',
  '@cogov/contracts': 'libs/contracts/src/index.ts',
  '@cogov/auth': 'libs/auth/src/index.ts',
  '@cogov/testing': 'libs/testing/src/index.ts',
  '@cogov/observability': 'libs/observability/src/index.ts',
  '@cogov/domain': 'libs/domain/src/index.ts',
  '@cogov/service-kit': 'libs/service-kit/src/index.ts',
};

export function swcOptions({ forJest = false } = {}) {
  return {
    sourceMaps: forJest ? 'inline' : true,
    module: { type: 'es6', ...(forJest ? {} : { resolveFully: true }) },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      ...(forJest
        ? {}
        : {
            baseUrl: repoRoot,
            paths: Object.fromEntries(Object.entries(libAliases).map(([k, v]) => [k, [v]])),
          }),
    },
  };
}
