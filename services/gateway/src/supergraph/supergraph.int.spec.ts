/**
 * The committed supergraph is what the subgraphs compose to now: a schema change in any subgraph without
 * `npm run supergraph`, or a change that does not compose, fails here.
 */
import { readFileSync } from 'node:fs';
import { supergraphPath } from '../config.js';
import { CompositionFailed, composeSupergraph, fetchSubgraphSdls } from './compose.js';

describe('supergraph', () => {
  it('services/gateway/supergraph.graphql is the composition of the seven subgraphs as built', async () => {
    const subgraphs = await fetchSubgraphSdls();
    expect(subgraphs.map((s) => s.name)).toEqual(['residents', 'organisations', 'volunteers', 'property', 'party-building', 'governance', 'webhooks']);
    const composed = composeSupergraph(subgraphs);
    const committed = readFileSync(supergraphPath(), 'utf8');
    if (composed !== committed) {
      throw new Error(
        'services/gateway/supergraph.graphql is stale: the subgraphs compose to a different supergraph. ' +
          'Run `npm run supergraph` and commit the result.',
      );
    }
    expect(composed).toBe(committed);
  }, 180_000);

  it('fails with every composition error named', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'a', url: 'http://a/graphql', sdl: 'type Query { thing: Thing } type Thing @key(fields: "id") { id: ID! size: Int }' },
        { name: 'b', url: 'http://b/graphql', sdl: 'type Query { other: Thing } type Thing @key(fields: "id") { id: ID! size: String }' },
      ]);
    expect(compose).toThrow(CompositionFailed);
    expect(compose).toThrow(/Supergraph composition failed:\n {2}- .*"Thing\.size"/);
  });
});
