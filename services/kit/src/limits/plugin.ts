import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, Kind, validate, type ValidationRule } from 'graphql';
import { type LimitCode, limitExceeded } from '../errors/errors.js';
import { estimateCost } from './cost.js';
import type { RequestLimits } from './settings.js';

type Refusal = { code: LimitCode; what: string; limit: number; found: number };

/** graphql-armor's rules, reporting instead of throwing, with the figure they found. */
function armorRules(limits: RequestLimits, refusals: Refusal[]): ValidationRule[] {
  const onReject = (code: LimitCode, what: string, limit: number) => [
    (_ctx: unknown, err: GraphQLError) => refusals.push({ code, what, limit, found: Number(/found (\d+)/.exec(err.message)?.[1] ?? limit + 1) }),
  ];
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: onReject('ALIAS_LIMIT_EXCEEDED', 'aliases', limits.maxAliases) }),
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: onReject('DEPTH_LIMIT_EXCEEDED', 'levels of nesting', limits.maxDepth) }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: onReject('DIRECTIVE_LIMIT_EXCEEDED', 'directives', limits.maxDirectives) }),
  ] as ValidationRule[];
}

/**
 * Refuses, before anything runs, an operation over its alias, depth, directive or cost limit:
 * HTTP 400 with the limit's code, the limit and the figure found. Runs at the gateway (on the
 * client's operation) and in every subgraph (on what the gateway, or a direct caller, sends;
 * there `_entities`' representations count as a list).
 */
export function requestLimitsPlugin<TContext extends BaseContext>(limits: RequestLimits): ApolloServerPlugin<TContext> {
  // Aliases, depth and directives depend on the document alone, and Apollo Server hands the same
  // parsed document back for a repeated query: checked once per document and schema (a wall
  // screen asks the same query every few seconds). The cost depends on the variables too.
  const checked = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Refusal | null>>();
  const armorRefusal = (schema: GraphQLSchema, document: DocumentNode): Refusal | null => {
    let bySchema = checked.get(schema);
    if (!bySchema) checked.set(schema, (bySchema = new WeakMap()));
    if (!bySchema.has(document)) {
      const refusals: Refusal[] = [];
      validate(schema, document, armorRules(limits, refusals));
      bySchema.set(document, refusals[0] ?? null);
    }
    return bySchema.get(document) ?? null;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const first = armorRefusal(schema, document);
          if (first) throw limitExceeded(first.code, `Query has ${first.found} ${first.what}; at most ${first.limit} are allowed`, first.limit, first.found);
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const cost = operation ? Math.round(estimateCost(schema, operation, fragments, request.variables ?? {})) : 0;
          if (cost > limits.maxCost) {
            throw limitExceeded('COST_LIMIT_EXCEEDED', `Query is estimated to cost ${cost}; at most ${limits.maxCost} is allowed (ask for smaller pages or fewer levels)`, limits.maxCost, cost);
          }
        },
      };
    },
  };
}

/** The Apollo Server options every server here shares: parsing stops at the token limit. */
export const limitedParseOptions = (limits: RequestLimits) => ({ maxTokens: limits.maxTokens });
