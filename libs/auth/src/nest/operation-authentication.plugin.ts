import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { AuthenticationError, type JwtVerifier } from '../jwt-verifier.js';
import { unauthenticated } from './auth-errors.js';
import { bearerToken, type AuthenticatedRequest } from './request.js';

/**
 * Authenticates every GraphQL operation before any resolver runs, for what the AuthGuard cannot see: the
 * federation `_entities` field is resolved by @apollo/subgraph outside Nest's guards, so without this a
 * subgraph would answer entity look-ups (the gateway's, or anyone's who reaches the subgraph) without a token.
 * A bearer token, when sent, is verified here and its Actor put on the request (so `@CurrentActor()` works in
 * entity resolvers too); `_entities` without a valid token is refused. Root fields keep the AuthGuard, which
 * also honours `@Public()`.
 */
export function operationAuthenticationPlugin(verifier: JwtVerifier): ApolloServerPlugin<{ req?: AuthenticatedRequest }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const request = contextValue.req;
          if (request === undefined) return;
          if (request.actor === undefined && request.headers['authorization'] !== undefined) {
            const token = bearerToken(request);
            if (token === undefined) throw unauthenticated(true, 'Invalid Authorization header: expected "Bearer <access token>"');
            try {
              request.actor = await verifier.verify(token);
            } catch (error) {
              if (error instanceof AuthenticationError) throw unauthenticated(true, `Invalid token: ${error.message}`);
              throw error;
            }
          }
          if (request.actor === undefined && (operation === undefined || mayResolveEntities(operation))) {
            throw unauthenticated(true, 'Authentication required: send "Authorization: Bearer <access token>"');
          }
        },
      };
    },
  };
}

/** `_entities` at the root, or a root fragment that might hide it (conservative: fragments count). */
function mayResolveEntities(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) => selection.kind !== Kind.FIELD || selection.name.value === '_entities',
  );
}
