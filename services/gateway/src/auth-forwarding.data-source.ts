import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context.js';

/**
 * Sends every subgraph fetch with the caller's own `Authorization` header and correlation id: the subgraphs
 * verify the token again and authorise every field themselves (the gateway enforces no auth directives).
 */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    // Only operations carry a caller; a static supergraph makes no schema-loading or health-check fetches.
    if (!headers || !('incomingRequestContext' in options)) return;
    headers.set('authorization', options.context.authorization);
    headers.set('x-correlation-id', options.context.correlationId);
  }
}
