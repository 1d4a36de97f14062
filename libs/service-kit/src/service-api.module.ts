import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { AuthModule, JwtVerifier, operationAuthenticationPlugin } from '@cogov/auth';
import { ObservabilityModule } from '@cogov/observability';
import type { ServiceConfig } from './config.js';
import { formatGraphqlError } from './errors.js';
import { ExpectedErrorsFilter } from './expected-errors.filter.js';
import { ServiceHealth } from './service-health.js';

export interface ServiceApiOptions {
  /** The service name on /health and every metric (the bounded context). */
  context: string;
  config: ServiceConfig;
}

/**
 * The service's face: a code-first Apollo Federation 2 subgraph on /graphql (typed errors, never a stack trace,
 * expected client errors not logged as faults), the JWT guard on every route, /health and /metrics with the
 * kit's checks (database, projection lag, relay). Resolvers are found in any module of the application.
 * Needs `ServiceInfrastructureModule` (for the health checks).
 */
@Module({})
export class ServiceApiModule {
  static forRoot({ context, config }: ServiceApiOptions): DynamicModule {
    const logger = new Logger('graphql');
    return {
      module: ServiceApiModule,
      imports: [
        ObservabilityModule.forRoot({ service: context }),
        AuthModule.forRoot({ issuer: config.jwt.issuer, audience: config.jwt.audience, ...config.jwt.key }),
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [JwtVerifier],
          useFactory: (verifier: JwtVerifier) => ({
            autoSchemaFile: { federation: 2 },
            sortSchema: true,
            includeStacktraceInErrorResponses: false,
            // `_entities` is resolved outside Nest's guards: authenticate every operation before it runs.
            plugins: [ApolloServerPluginInlineTraceDisabled(), operationAuthenticationPlugin(verifier)],
            formatError: formatGraphqlError({ error: (message, context) => logger.error(message, context) }),
          }),
        }),
      ],
      providers: [ServiceHealth, { provide: APP_FILTER, useClass: ExpectedErrorsFilter }],
    };
  }
}
