import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  astFromValue,
  print,
} from 'graphql';
import { SUPERGRAPH_FILE } from '@pb/gateway';

/** The composed supergraph as a schema (join directives kept in the AST). */
export function supergraphSchema(): GraphQLSchema {
  return buildASTSchema(parse(readFileSync(SUPERGRAPH_FILE, 'utf8')), { assumeValidSDL: true });
}

export type Field = GraphQLField<unknown, unknown>;

function tagsOf(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  return (directives ?? [])
    .filter((d) => d.name.value === 'tag')
    .map((d) => d.arguments?.find((a) => a.name.value === 'name')?.value)
    .flatMap((v) => (v?.kind === 'StringValue' ? [v.value] : []));
}

export const fieldTags = (field: Field): string[] => tagsOf(field.astNode?.directives);
export const typeTags = (type: GraphQLNamedType): string[] => tagsOf(type.astNode?.directives);

/** The subgraph a root field is served by (`@join__field(graph: HOSPITALS)` → hospitals). */
export function subgraphOf(field: Field): string | null {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph?.kind === 'EnumValue' ? graph.value.toLowerCase() : null;
}

/** Subgraphs that resolve an entity type by `id` (`@join__type(graph: X, key: "id")`). */
export function idKeyedIn(type: GraphQLNamedType): string[] {
  return (type.astNode?.directives ?? [])
    .filter((d) => d.name.value === 'join__type')
    .filter((d) => {
      const key = d.arguments?.find((a) => a.name.value === 'key')?.value;
      const resolvable = d.arguments?.find((a) => a.name.value === 'resolvable')?.value;
      return key?.kind === 'StringValue' && key.value === 'id' && !(resolvable?.kind === 'BooleanValue' && !resolvable.value);
    })
    .flatMap((d) => {
      const g = d.arguments?.find((a) => a.name.value === 'graph')?.value;
      return g?.kind === 'EnumValue' ? [g.value.toLowerCase()] : [];
    });
}

export type Rule = 'public' | 'viewer' | 'personal';

/**
 * What the declarations say a field allows, read the way the spec states it: anonymous callers
 * get what is tagged public, and a directory type's own attributes; personal fields are masked.
 */
export function expectedRule(type: GraphQLNamedType, field: Field): Rule {
  const tags = fieldTags(field);
  if (tags.some((t) => t.startsWith('personal-'))) return 'personal';
  if (tags.includes('access-public')) return 'public';
  if (tags.includes('access-viewer')) return 'viewer';
  if (typeTags(type).includes('access-public')) return 'public';
  if (typeTags(type).includes('access-directory')) {
    const target = getNamedType(field.type);
    if (isScalarType(target) || isEnumType(target) || target.name === 'Region') return 'public';
  }
  return 'viewer';
}

/** A value of an input type with only its required parts, enough to get past coercion. */
export function dummyValue(type: GraphQLInputType): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [dummyValue(t.ofType)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, dummyValue(f.type)]));
  }
  switch (t.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2024-01-01';
    case 'DateTimeISO':
      return '2024-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** The dummy value of an argument as a GraphQL literal (enums unquoted). */
export function dummyLiteral(type: GraphQLInputType): string {
  const ast = astFromValue(dummyValue(type), type);
  return ast ? print(ast) : 'null';
}

export const requiredArgs = (field: Field): GraphQLArgument[] => field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** `{ __typename }` for an object result, nothing for a scalar. */
export function minimalSelection(field: Field): string {
  const target = getNamedType(field.type);
  if (target.name.endsWith('Connection')) return '{ totalCount edges { node { __typename } } }';
  return isObjectType(target) || !isScalarType(target) && !isEnumType(target) ? '{ __typename }' : '';
}

/** An operation calling one field with variables for its required arguments. */
export function operationFor(kind: 'query' | 'mutation', field: Field, values: Record<string, unknown> = {}): { query: string; variables: Record<string, unknown> } {
  const args = requiredArgs(field);
  const variables = Object.fromEntries(args.map((a) => [a.name, a.name in values ? values[a.name] : dummyValue(a.type)]));
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const first = field.args.some((a) => a.name === 'first') ? (call ? call.replace(/\)$/, ', first: 1)') : '(first: 1)') : call;
  return { query: `${kind} Op${decl} { ${field.name}${first} ${minimalSelection(field)} }`, variables };
}

export const objectTypes = (schema: GraphQLSchema): GraphQLObjectType[] =>
  Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => t instanceof GraphQLObjectType && !t.name.startsWith('__') && !t.name.startsWith('join__') && !t.name.startsWith('link__'));
