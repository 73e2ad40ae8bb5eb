import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isScalarType,
  type ConstDirectiveNode,
} from 'graphql';
import { Directive } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { deadlineExceeded } from '../errors/errors.js';
import { canSeePersonal, requireClaims } from './access.js';
import { personalField } from './mask.js';

/**
 * Read access, declared once per field or type as a federation `@tag`, so that the rule travels
 * into the composed supergraph (where the access-matrix test reads it) and is enforced here, in
 * the subgraph, on every path a field is reached by: root lists and lookups, nested relations and
 * `_entities`.
 *
 * - `access-public`: anonymous callers too (region statistics and trends, unit directories);
 * - `access-viewer`: any authenticated caller (the default of every record field);
 * - `access-write-<sector>`: a mutation of that sector (ADMIN, or an EDITOR of the sector and region);
 *   on a query, a read for the sector's writers only (ADMIN, or an EDITOR of the sector: its audit log);
 * - `access-admin`: ADMIN only (restoring deleted records, region population);
 * - `access-public` on a type: all its fields (a stats type keyed for federation, see PublicFigures);
 * - `access-directory` on a type: its own attributes (scalars, enums, its region) are public,
 *   its relations are not (a hospital's name is public, its party branches are not);
 * - `personal-name` / `personal-phone`: shown in clear to ADMIN and the record's own editors
 *   (sector and region), masked for everyone else.
 */
export const ACCESS_TAGS = {
  public: 'access-public',
  viewer: 'access-viewer',
  directory: 'access-directory',
  write: (sector: string) => `access-write-${sector}`,
  admin: 'access-admin',
  personal: (kind: PersonalKind) => `personal-${kind}`,
} as const;

export type PersonalKind = 'name' | 'phone';

const tag = (name: string) => Directive(`@tag(name: "${name}")`);

/** Anonymous callers may read this field (statistics, trends, directory entries). */
export const Public = (): MethodDecorator & PropertyDecorator => tag(ACCESS_TAGS.public);
/** Authenticated callers only (the default; stated explicitly on root fields). */
export const ViewerOnly = (): MethodDecorator & PropertyDecorator => tag(ACCESS_TAGS.viewer);
/**
 * A figures type that is a federation entity (a sector's stats keyed by region and period, so
 * other subgraphs can add to it): every field public, as the figures are wherever they are reached.
 */
export const PublicFigures = (): ClassDecorator => tag(ACCESS_TAGS.public) as ClassDecorator;
/** A unit directory type (Community, Hospital, School, Enterprise): its own attributes are public. */
export const Directory = (): ClassDecorator => tag(ACCESS_TAGS.directory) as ClassDecorator;
/** A person's name or phone: masked unless ADMIN or an EDITOR of the record's sector and region. */
export const Personal = (kind: PersonalKind): MethodDecorator & PropertyDecorator => tag(ACCESS_TAGS.personal(kind));
/** ADMIN only; the resolver checks the role itself (e.g. `restore…`). */
export const AdminOnly = (): MethodDecorator => tag(ACCESS_TAGS.admin) as MethodDecorator;
/** The tag of a mutation of `sector`, added next to `@Authorized('write:<sector>')`. */
export const WriteTag = (sector: string): MethodDecorator => tag(ACCESS_TAGS.write(sector)) as MethodDecorator;

export type ReadRule = { kind: 'public' } | { kind: 'viewer' } | { kind: 'personal'; personal: PersonalKind } | { kind: 'inherit' };

function tagsOf(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  const out: string[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== 'tag') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'name');
    if (arg?.value.kind === 'StringValue') out.push(arg.value.value);
  }
  return out;
}

function typeTags(type: GraphQLObjectType): string[] {
  return [type.astNode, ...type.extensionASTNodes].flatMap((n) => tagsOf(n?.directives));
}

const isKeyed = (type: GraphQLObjectType) =>
  [type.astNode, ...type.extensionASTNodes].some((n) => n?.directives?.some((d) => d.name.value === 'key'));

/** Types whose fields carry access rules: roots, records (an `id`) and federation entities. */
export function isGuardedType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || type.name === '_Service') return false;
  if (type.name === 'Query' || type.name === 'Mutation') return true;
  return 'id' in type.getFields() || isKeyed(type);
}

/** The access tags written on a field (its own, not inherited). */
export const fieldTags = (field: GraphQLField<unknown, unknown>): string[] => tagsOf(field.astNode?.directives);

/** The rule for one field of a guarded type; `inherit` for value types (connections, figures). */
export function readRule(type: GraphQLNamedType, field: GraphQLField<unknown, unknown>): ReadRule {
  if (!isGuardedType(type)) return { kind: 'inherit' };
  if (type.name === 'Query' && (field.name === '_entities' || field.name === '_service')) return { kind: 'public' };
  const tags = fieldTags(field);
  const personal = tags.find((t) => t.startsWith('personal-'));
  if (personal) return { kind: 'personal', personal: personal.slice('personal-'.length) as PersonalKind };
  if (tags.includes(ACCESS_TAGS.public)) return { kind: 'public' };
  if (tags.includes(ACCESS_TAGS.viewer)) return { kind: 'viewer' };
  if (typeTags(type).includes(ACCESS_TAGS.public)) return { kind: 'public' };
  if (typeTags(type).includes(ACCESS_TAGS.directory)) {
    const target = getNamedType(field.type);
    if (isScalarType(target) || isEnumType(target) || target.name === 'Region') return { kind: 'public' };
  }
  return { kind: 'viewer' };
}

function guard(rule: ReadRule, sector: string, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, ctx, info) => {
    if (ctx.signal?.aborted) throw deadlineExceeded();
    if (rule.kind === 'public') return resolve(source, args, ctx, info);
    requireClaims(ctx);
    if (rule.kind === 'viewer') return resolve(source, args, ctx, info);
    const region = (source as { regionCode?: string }).regionCode ?? '';
    const visible = canSeePersonal(ctx, sector, region);
    const value = resolve(source, args, ctx, info);
    const mask = (v: unknown) => personalField(visible, (rule as { personal: PersonalKind }).personal, v as string | null);
    return value instanceof Promise ? value.then(mask) : mask(value);
  };
}

/** Personal fields per type name, as the schema's `personal-*` tags declare them (filled by applyReadAccess). */
const personalByType = new Map<string, Record<string, PersonalKind>>();

/**
 * The personal fields of a record type — the one declaration (`@Personal`) that GraphQL masking,
 * the audit log and bulk export all follow.
 */
export const personalFieldsOf = (typeName: string): Record<string, PersonalKind> => personalByType.get(typeName) ?? {};

/**
 * Wraps every field of the guarded types with its rule (and the request's deadline). Called once
 * on the finished subgraph schema; `sector` is the subgraph whose editors see personal data.
 */
export function applyReadAccess(schema: GraphQLSchema, sector: string): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isGuardedType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = readRule(type, field);
      if (rule.kind === 'personal') personalByType.set(type.name, { ...personalByType.get(type.name), [field.name]: rule.personal });
      const original = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>;
      field.resolve = guard(rule, sector, original) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
