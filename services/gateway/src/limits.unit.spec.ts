import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { GatewayLimits } from './config.js';
import { LIMIT_CODES, limitViolation, measureOperation } from './limits.js';

const schema = buildSchema(`
  type Query { community(id: ID!): Community  communities: [Community!]! }
  type Community { id: ID! name: String! grids: [Grid!]! parent: Community }
  type Grid { id: ID! name: String! households: [Household!]! }
  type Household { id: ID! size: Int! }
`);

const limits: GatewayLimits = {
  maxDepth: 4,
  maxAliases: 2,
  maxCost: 200,
  listFactor: 10,
  maxBodyBytes: 4096,
  rateLimitRequests: 10,
  rateLimitWindowMs: 60_000,
};

function measure(query: string, overrides: Partial<GatewayLimits> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return measureOperation(schema, operation, fragments, { ...limits, ...overrides });
}

describe('operation limits', () => {
  it('counts depth from the root field, through fragments and inline fragments', () => {
    expect(measure('{ community(id: "1") { name } }').depth).toBe(2);
    expect(measure('{ community(id: "1") { ...C } } fragment C on Community { grids { ... on Grid { households { size } } } }').depth).toBe(4);
    expect(measure('{ community(id: "1") { parent { parent { parent { name } } } } }').depth).toBe(5);
  });

  it('counts aliases, a fragment once per place it is spread', () => {
    expect(measure('{ a: community(id: "1") { n: name } b: community(id: "2") { name } }').aliases).toBe(3);
    expect(measure('{ community(id: "1") { ...C parent { ...C } } } fragment C on Community { x: name y: id }').aliases).toBe(4);
  });

  it('estimates cost: 1 per field, list selections times the list factor', () => {
    // community 1 + name 1
    expect(measure('{ community(id: "1") { name } }').cost).toBe(2);
    // communities 1 + 10 × (name 1 + grids (1 + 10 × name 1))
    expect(measure('{ communities { name grids { name } } }').cost).toBe(1 + 10 * (1 + 1 + 10 * 1));
  });

  it('ignores introspection fields', () => {
    expect(measure('{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }')).toEqual({ depth: 0, aliases: 0, cost: 0 });
  });

  it('stops a fragment bomb early, as a cost above the limit', () => {
    const bomb =
      '{ communities { ...F0 } } ' +
      Array.from({ length: 12 }, (_, i) => `fragment F${i} on Community { ...F${i + 1} parent { ...F${i + 1} } }`).join(' ') +
      ' fragment F12 on Community { name }';
    const started = Date.now();
    const result = measure(bomb);
    expect(result.cost).toBe(Number.POSITIVE_INFINITY);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(limitViolation(result, limits)?.extensions.code).toBe(LIMIT_CODES.cost);
  });

  it('names the limit and its setting in each refusal', () => {
    const deep = limitViolation({ depth: 5, aliases: 0, cost: 5 }, limits)!;
    expect(deep.extensions.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(deep.message).toBe('Query depth 5 exceeds the limit of 4 (MAX_QUERY_DEPTH).');
    const aliased = limitViolation({ depth: 1, aliases: 3, cost: 5 }, limits)!;
    expect(aliased.extensions.code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(aliased.message).toContain('MAX_QUERY_ALIASES');
    const costly = limitViolation({ depth: 1, aliases: 0, cost: 201 }, limits)!;
    expect(costly.extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(costly.message).toContain('Query cost 201 exceeds the limit of 200 (MAX_QUERY_COST');
    expect(limitViolation({ depth: 4, aliases: 2, cost: 200 }, limits)).toBeUndefined();
  });
});
