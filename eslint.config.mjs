import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkImports = ['@nestjs/*', '@mikro-orm/*', 'kafkajs', 'pg', '@apollo/*', 'fastify', 'graphql'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'coverage'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      // Contexts meet only through @cogov/contracts and Kafka; the tags make that a lint failure.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...['residents', 'organisations', 'volunteers', 'property', 'party-building', 'governance', 'webhooks', 'gateway'].map(
              (context) => ({
                sourceTag: `scope:${context}`,
                onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared'],
              }),
            ),
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: frameworkImports,
            },
            // The shared pure domain vocabulary (errors, input guards): no framework, types from eventsourcing only.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:lib'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing', 'type:domain'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing', 'type:domain'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // With noUncheckedIndexedAccess, `x[i]!` after a bounds check is the explicit, reviewable way to say so.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The cross-service test bed composes the services' own modules to run them together on one broker;
    // nothing imports from it.
    files: ['services/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The pure domain (decide/evolve) imports no framework: replay must not depend on one.
    files: ['services/*/src/**/*.{events,state,decide}.ts', 'libs/eventsourcing/src/types.ts', 'libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworkImports, message: 'Domain files stay framework-free (style.md).' }] },
      ],
    },
  },
];
