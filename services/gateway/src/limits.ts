/**
 * Operation limits checked once the operation is parsed, validated and chosen, before the gateway plans a
 * single subgraph fetch: depth, aliases and an estimated cost. Each refusal is a GraphQL error with its own
 * `extensions.code`, HTTP 400, and a message naming the limit and its setting.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayLimits } from './config.js';

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
} as const;

class CostExceeded extends Error {}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth, aliases and cost of one operation, fragments expanded where they are spread. Introspection
 * (`__schema`, `__type`) is not counted: it is off in production and its shape is fixed. Cost: every field
 * costs 1; the selection under a field returning a list costs `listFactor` times its own cost (nested lists
 * multiply). The walk stops as soon as the fields visited pass `maxCost`, so a fragment bomb cannot make it
 * expensive: it throws CostExceeded, reported as a cost above the limit.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  limits: Pick<GatewayLimits, 'maxCost' | 'listFactor'>,
): OperationMeasure {
  let aliases = 0;
  let visited = 0;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | null | undefined,
    depth: number,
    spreading: ReadonlySet<string>,
  ): { depth: number; cost: number } => {
    let deepest = depth;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        if (selection.alias) aliases++;
        if (++visited > limits.maxCost) throw new CostExceeded();
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        let fieldCost = 1;
        let fieldDepth = depth + 1;
        if (selection.selectionSet) {
          const named = field ? getNamedType(field.type) : undefined;
          const child = walk(selection.selectionSet, named && isCompositeType(named) ? named : undefined, depth + 1, spreading);
          fieldDepth = child.depth;
          const list = field ? isListType(getNullableType(field.type)) : false;
          fieldCost += child.cost * (list ? limits.listFactor : 1);
        }
        deepest = Math.max(deepest, fieldDepth);
        cost += fieldCost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const child = walk(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, depth, spreading);
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A cycle is a validation error already; never follow one here.
        if (!fragment || spreading.has(name)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        const child = walk(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, depth, new Set([...spreading, name]));
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
      }
    }
    return { depth: deepest, cost };
  };

  try {
    const { depth, cost } = walk(operation.selectionSet, root, 0, new Set());
    return { depth, aliases, cost };
  } catch (error) {
    if (error instanceof CostExceeded) return { depth: 0, aliases, cost: Number.POSITIVE_INFINITY };
    throw error;
  }
}

const refusal = (code: string, message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The first limit the operation passes, as the error to answer with; undefined when it is within all of them. */
export function limitViolation(measure: OperationMeasure, limits: GatewayLimits): GraphQLError | undefined {
  if (measure.cost > limits.maxCost) {
    const cost = Number.isFinite(measure.cost) ? String(measure.cost) : `more than ${limits.maxCost}`;
    return refusal(LIMIT_CODES.cost, `Query cost ${cost} exceeds the limit of ${limits.maxCost} (MAX_QUERY_COST; 1 per field, list selections x${limits.listFactor}).`);
  }
  if (measure.depth > limits.maxDepth) {
    return refusal(LIMIT_CODES.depth, `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth} (MAX_QUERY_DEPTH).`);
  }
  if (measure.aliases > limits.maxAliases) {
    return refusal(LIMIT_CODES.aliases, `Query uses ${measure.aliases} aliases, more than the limit of ${limits.maxAliases} (MAX_QUERY_ALIASES).`);
  }
  return undefined;
}

/** Apollo Server plugin: measures the chosen operation and refuses it before any subgraph is asked. */
export function operationLimitsPlugin(limits: GatewayLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const violation = limitViolation(measureOperation(schema, operation, fragments, limits), limits);
          if (violation) throw violation;
        },
      };
    },
  };
}
