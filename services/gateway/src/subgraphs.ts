/**
 * The seven subgraphs the gateway composes: their names in the supergraph, the variable that points the gateway at
 * each one, and the address `npm start` gives it. The committed supergraph carries the default addresses; the
 * gateway always routes to the configured ones.
 */
export interface SubgraphDefinition {
  name: 'residents' | 'organisations' | 'volunteers' | 'property' | 'party-building' | 'governance' | 'webhooks';
  urlVariable: string;
  defaultUrl: string;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  { name: 'residents', urlVariable: 'RESIDENTS_URL', defaultUrl: 'http://127.0.0.1:4001/graphql' },
  { name: 'organisations', urlVariable: 'ORGANISATIONS_URL', defaultUrl: 'http://127.0.0.1:4002/graphql' },
  { name: 'volunteers', urlVariable: 'VOLUNTEERS_URL', defaultUrl: 'http://127.0.0.1:4003/graphql' },
  { name: 'property', urlVariable: 'PROPERTY_URL', defaultUrl: 'http://127.0.0.1:4004/graphql' },
  { name: 'party-building', urlVariable: 'PARTY_BUILDING_URL', defaultUrl: 'http://127.0.0.1:4005/graphql' },
  { name: 'governance', urlVariable: 'GOVERNANCE_URL', defaultUrl: 'http://127.0.0.1:4006/graphql' },
  { name: 'webhooks', urlVariable: 'WEBHOOKS_URL', defaultUrl: 'http://127.0.0.1:4007/graphql' },
];
