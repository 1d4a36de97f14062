/**
 * `npm run supergraph`: builds dist/, starts each built subgraph on a scratch database, reads its SDL, composes
 * the supergraph (Apollo Federation 2) and writes services/gateway/supergraph.graphql. A composition error
 * fails the command. Uses DATABASE_URL / KAFKA_BROKERS, else the local PostgreSQL and broker.
 */
import { writeFileSync } from 'node:fs';
import { supergraphPath } from './config.js';
import { composeSupergraph, fetchSubgraphSdls } from './supergraph/compose.js';

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';

try {
  const subgraphs = await fetchSubgraphSdls();
  const supergraph = composeSupergraph(subgraphs);
  const file = supergraphPath();
  writeFileSync(file, supergraph);
  console.log(`composed ${subgraphs.map((s) => s.name).join(', ')} into ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
