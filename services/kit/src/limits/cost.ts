import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import { normalizeRegionCode } from '../regions/codes.js';

/**
 * Children a region of each level is expected to have: the 90th percentile of the national
 * division table (provinces 16 cities, cities 13 counties, counties 23 townships, townships 28
 * villages; averages 11, 8.7, 13.9, 15). A region whose level the query does not tell counts 28.
 */
export const REGION_FAN_OUT = { 2: 16, 4: 13, 6: 23, 9: 28, 12: 0 } as Record<number, number>;
const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12 };
const UNKNOWN_FAN_OUT = 28;
/** Expected size of a list whose size no argument states (a hospital's branches…). */
export const DEFAULT_LIST_SIZE = 10;
const DEFAULT_PAGE = 20;

type Vars = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  vars: Vars;
}

/** The level of a region code, as its canonical length (2, 4, 6, 9 or 12); null if unknown. */
function codeLength(code: unknown): number | null {
  const canonical = typeof code === 'string' ? normalizeRegionCode(code) : null;
  return canonical ? canonical.length : null;
}

const parentLength = (level: number): number | null => Number(Object.keys(CHILD_LENGTH).find((k) => CHILD_LENGTH[Number(k)] === level)) || null;

function argsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, vars: Vars): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, vars);
  } catch {
    return {};
  }
}

/** How many items a list field is expected to give, and the region level they are at. */
function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, level: number | null): { size: number; level: number | null } {
  if (field.name === 'children') {
    const fanOut = level === null ? UNKNOWN_FAN_OUT : (REGION_FAN_OUT[level] ?? UNKNOWN_FAN_OUT);
    return { size: fanOut, level: level === null ? null : (CHILD_LENGTH[level] ?? null) };
  }
  if (field.name === '_entities') {
    const reps = Array.isArray(args.representations) ? (args.representations as { code?: unknown }[]) : [];
    const levels = reps.map((r) => codeLength(r?.code)).filter((l): l is number => l !== null);
    return { size: Math.max(reps.length, 1), level: levels.length === reps.length && levels.length ? Math.min(...levels) : null };
  }
  if (typeof args.first === 'number') return { size: args.first, level: null };
  return { size: DEFAULT_LIST_SIZE, level: null };
}

function selectionCost(w: Walk, type: GraphQLCompositeType, set: SelectionSetNode | undefined, level: number | null, seen: Set<string>): number {
  if (!set) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : type;
      if (cond && isCompositeType(cond)) cost += selectionCost(w, cond, sel.selectionSet, level, seen);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = w.fragments.get(sel.name.value);
      const cond = frag && w.schema.getType(frag.typeCondition.name.value);
      if (frag && cond && isCompositeType(cond) && !seen.has(frag.name.value)) {
        cost += selectionCost(w, cond, frag.selectionSet, level, new Set([...seen, frag.name.value]));
      }
    } else {
      cost += fieldCost(w, type, sel, level, seen);
    }
  }
  return cost;
}

function fieldCost(w: Walk, parent: GraphQLCompositeType, node: FieldNode, level: number | null, seen: Set<string>): number {
  if (node.name.value.startsWith('__') || isAbstractType(parent) || !('getFields' in parent)) return node.name.value.startsWith('__') ? 0 : 1;
  const field = parent.getFields()[node.name.value];
  if (!field) return 1;
  const args = argsOf(field, node, w.vars);
  const target = getNamedType(field.type);
  let childLevel = level;
  if (field.name === 'region' && 'code' in args) childLevel = codeLength(args.code);
  else if (field.name === 'parent') childLevel = level === null ? null : parentLength(level);
  let multiplier = 1;
  if (isListType(getNullableType(field.type))) {
    const list = listSize(field, args, level);
    multiplier = list.size;
    childLevel = list.level;
  }
  if (!isCompositeType(target)) return 1;
  // A connection's `edges` is as long as the page the connection field asked for.
  const pageSize = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
  const inner = target.name.endsWith('Connection') ? connectionCost(w, target, node.selectionSet, pageSize, seen) : selectionCost(w, target, node.selectionSet, childLevel, seen);
  return 1 + multiplier * inner;
}

/** A connection: `edges` (and `nodes`) hold one page; totalCount and pageInfo are one each. */
function connectionCost(w: Walk, type: GraphQLCompositeType, set: SelectionSetNode | undefined, pageSize: number, seen: Set<string>): number {
  if (!set || !('getFields' in type)) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD) {
      cost += selectionCost(w, type, { kind: Kind.SELECTION_SET, selections: [sel] }, null, seen);
      continue;
    }
    const field = type.getFields()[sel.name.value];
    const target = field && getNamedType(field.type);
    if (!field || !target || !isCompositeType(target)) cost += 1;
    else if (isListType(getNullableType(field.type))) cost += 1 + pageSize * selectionCost(w, target, sel.selectionSet, null, seen);
    else cost += 1 + selectionCost(w, target, sel.selectionSet, null, seen);
  }
  return cost;
}

/**
 * The estimated cost of an operation: each field resolved counts 1, times the expected length of
 * every list around it — a page's `first`, a region's children at its level, `_entities`'
 * representations, else DEFAULT_LIST_SIZE.
 */
export function estimateCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], vars: Vars = {}): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const w: Walk = { schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), vars };
  return selectionCost(w, root, operation.selectionSet, null, new Set());
}
