import { Supergraph } from '@apollo/federation-internals';
import { calculateReferencedFieldsByType } from '@apollo/utils.usagereporting';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { type DocumentNode, type GraphQLSchema, parse, separateOperations, validate } from 'graphql';
import type { RegisteredOperation } from '../gateway/operation-registry.js';
import { compose, subgraphsOfSupergraph } from '../gateway/supergraph-sources.js';

export type Level = 'breaking' | 'dangerous' | 'safe';

export interface CheckedChange {
  level: Level;
  message: string;
  /** Schema coordinate, e.g. Hospital.partyBrand. */
  path?: string;
  /** Operations (registry and docs/) that use what changed. */
  usedBy: string[];
}

export interface BrokenOperation {
  name: string;
  source: string;
  errors: string[];
}

export interface CheckReport {
  subgraph: string;
  composition: { ok: true } | { ok: false; errors: string[] };
  changes: CheckedChange[];
  operations: { checked: number; broken: BrokenOperation[] };
  /** True when nothing breaks: composition passes, no breaking change, no operation broken. */
  passed: boolean;
}

export interface CheckInput {
  subgraph: string;
  /** The subgraph's proposed SDL. */
  proposedSdl: string;
  /** The supergraph in service now (committed file or a running gateway's). */
  supergraphSdl: string;
  operations: RegisteredOperation[];
}

const LEVELS: Record<CriticalityLevel, Level> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** `Type.field` coordinates an operation reads, by its usage-reporting field map. */
function coordinates(doc: DocumentNode, schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  const operations = separateOperations(doc);
  for (const name of Object.keys(operations)) {
    const fields = calculateReferencedFieldsByType({ document: operations[name], schema, resolvedOperationName: name || null });
    for (const [type, { fieldNames }] of Object.entries(fields)) {
      out.add(type);
      for (const f of fieldNames) out.add(`${type}.${f}`);
    }
  }
  return out;
}

/** The operations that touch a change's coordinate (a field, its type, or one of its arguments). */
function usersOf(change: Change, used: Map<RegisteredOperation, Set<string>>): string[] {
  const path = change.path;
  if (!path) return [];
  const [type, field] = path.split('.');
  const target = field ? `${type}.${field}` : type;
  return [...used].filter(([, coords]) => coords.has(target)).map(([op]) => `${op.name} (${op.source})`);
}

/**
 * Checks a subgraph's proposed schema as `rover subgraph check` does: it must compose with the
 * others' schemas in the supergraph; its changes to the API are classified (graphql-inspector);
 * and every registered operation still valid against the new API is fine, the others are named.
 */
export async function checkSubgraph(input: CheckInput): Promise<CheckReport> {
  const current = subgraphsOfSupergraph(input.supergraphSdl);
  if (!current.has(input.subgraph)) throw new Error(`the supergraph has no subgraph ${input.subgraph} (it has ${[...current.keys()].join(', ')})`);
  const subgraphs = [...current].map(([name, sdl]) => ({ name, url: `http://${name}.invalid/graphql`, sdl: name === input.subgraph ? input.proposedSdl : sdl }));
  const composed = compose(subgraphs);
  const empty = { checked: 0, broken: [] };
  if (!composed.ok) return { subgraph: input.subgraph, composition: composed, changes: [], operations: empty, passed: false };

  const before = apiSchema(input.supergraphSdl);
  const after = apiSchema(composed.supergraphSdl);
  const used = new Map<RegisteredOperation, Set<string>>();
  const broken: BrokenOperation[] = [];
  for (const op of input.operations) {
    let doc: DocumentNode;
    try {
      doc = parse(op.document ?? op.signature);
    } catch {
      continue;
    }
    if (validate(before, doc).length) continue; // already invalid today: not this change's doing
    used.set(op, coordinates(doc, before));
    const errors = validate(after, doc);
    if (errors.length) broken.push({ name: op.name, source: op.source, errors: errors.map((e) => e.message) });
  }
  // Descriptions and deprecations are left out: the other subgraphs' SDL, read back from the
  // supergraph, has neither, so every one of them would show up as a change of this subgraph's.
  const changes = (await diff(before, after)).filter((c) => !/DESCRIPTION|DEPRECAT/.test(c.type) && !/deprecat/i.test(c.message)).map((c) => ({ level: LEVELS[c.criticality.level], message: c.message, path: c.path, usedBy: usersOf(c, used) }));
  const passed = !broken.length && !changes.some((c) => c.level === 'breaking');
  return { subgraph: input.subgraph, composition: { ok: true }, changes, operations: { checked: used.size, broken }, passed };
}

const ORDER: Level[] = ['breaking', 'dangerous', 'safe'];

/** The report as a person reads it. */
export function formatCheckReport(r: CheckReport, against: string): string {
  const lines = [`Schema check of the ${r.subgraph} subgraph against ${against}`, ''];
  if (!r.composition.ok) {
    lines.push('Composition: FAILED — the proposed schema does not compose with the other subgraphs:');
    for (const e of r.composition.errors) lines.push(`  - ${e}`);
    lines.push('', 'Result: FAIL (composition)');
    return lines.join('\n');
  }
  lines.push('Composition: ok', '');
  const count = (l: Level) => r.changes.filter((c) => c.level === l).length;
  lines.push(`Changes: ${count('breaking')} breaking, ${count('dangerous')} dangerous, ${count('safe')} safe`);
  for (const c of [...r.changes].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level))) {
    const usage = c.level === 'safe' ? '' : ` — used by ${c.usedBy.length} operation${c.usedBy.length === 1 ? '' : 's'}${c.usedBy.length ? `: ${c.usedBy.join(', ')}` : ''}`;
    lines.push(`  ${c.level.toUpperCase().padEnd(9)} ${c.message}${usage}`);
  }
  lines.push('', `Operations: ${r.operations.checked} checked, ${r.operations.broken.length} broken`);
  for (const b of r.operations.broken) lines.push(`  BROKEN    ${b.name} (${b.source}): ${b.errors.join(' ')}`);
  lines.push('', r.passed ? 'Result: PASS' : `Result: FAIL (${r.operations.broken.length ? 'operations break' : 'breaking changes'})`);
  return lines.join('\n');
}
