import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, type ClassType, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/access.js';
import { applyReadAccess } from '../auth/read-access.js';

/** Resolvers of the form `{ Type: { __resolveReference } }`, merged into the generated map. */
export type ReferenceResolvers = Record<string, Record<string, unknown>>;

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through `_entities` (type-graphql drops unreachable types). */
  orphanedTypes?: ClassType[];
  references?: ReferenceResolvers;
  /** The subgraph (sector) whose editors see its personal data; read access applies when set. */
  sector?: string;
}

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** The subgraph's SDL as type-graphql generates it, with the federation link prepended. */
export async function buildSubgraphTypeDefs(opts: FederatedSchemaOptions): Promise<{ sdl: string; schema: GraphQLSchema }> {
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    authChecker,
    validate: false,
    skipCheck: true,
  });
  return { sdl: `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`, schema };
}

/** type-graphql resolvers → an Apollo subgraph schema (`_service`, `_entities`, references). */
export async function buildFederatedSchema(opts: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const { sdl, schema } = await buildSubgraphTypeDefs(opts);
  const generated = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  const resolvers = { ...generated };
  for (const [type, fields] of Object.entries(opts.references ?? {})) resolvers[type] = { ...generated[type], ...fields };
  const subgraph = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return opts.sector ? applyReadAccess(subgraph, opts.sector) : subgraph;
}
