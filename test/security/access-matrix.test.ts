/**
 * The access matrix, generated from the composed schema: every query field and mutation, every
 * field of the anonymously reachable types (directories, Region), every entity through
 * `_entities`, and every personal field on each path that reaches it, against each caller:
 * anonymous, a forged token, VIEWER, EDITOR of the sector in the record's region, EDITOR of the
 * sector elsewhere, EDITOR of another sector, ADMIN. A field without an access rule fails here.
 */
import { randomUUID } from 'node:crypto';
import type { Stack } from '@pb/gateway';
import { maskName, maskPhone, SECTOR_NAMES } from '@pb/kit';
import { type GraphQLObjectType, type GraphQLSchema, getNamedType, isEnumType, isObjectType, isScalarType } from 'graphql';
import { gql, type GraphQLResult, ok, startTestStack, token } from '../support/harness';
import {
  expectedRule,
  type Field,
  fieldTags,
  idKeyedIn,
  objectTypes,
  operationFor,
  requiredArgs,
  dummyLiteral,
  subgraphOf,
  supergraphSchema,
  typeTags,
} from './schema-walk';

type Caller = 'anonymous' | 'forged' | 'viewer' | 'editorOwn' | 'editorElsewhere' | 'editorOtherSector' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'forged', 'viewer', 'editorOwn', 'editorElsewhere', 'editorOtherSector', 'admin'];
const FORGED = token({ role: 'ADMIN' }).replace(/\.[^.]+$/, '.forgedsignature');

function bearer(caller: Caller, sector: string, region: string): string | undefined {
  const elsewhere = region.startsWith('11') ? '61' : '11';
  const other = SECTOR_NAMES.find((s) => s !== sector)!;
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'forged':
      return FORGED;
    case 'viewer':
      return token({ role: 'VIEWER', sub: 'viewer' });
    case 'editorOwn':
      return token({ role: 'EDITOR', sectors: [sector], regions: [region] });
    case 'editorElsewhere':
      return token({ role: 'EDITOR', sectors: [sector], regions: [elsewhere] });
    case 'editorOtherSector':
      return token({ role: 'EDITOR', sectors: [other], regions: [region] });
    case 'admin':
      return token({ role: 'ADMIN' });
  }
}

const codes = (res: GraphQLResult) => (res.errors ?? []).map((e) => e.extensions?.code as string);
const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];
const refusedWith = (res: GraphQLResult) => codes(res).find((c) => AUTH_CODES.includes(c)) ?? 'allowed';

interface Sample {
  id: string;
  regionCode: string;
}

/** Runs cells a few at a time and gathers the ones that did not come out as expected. */
async function runCells<T>(cells: T[], check: (cell: T) => Promise<string | null>): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < cells.length; i += 8) {
    const out = await Promise.all(cells.slice(i, i + 8).map(check));
    failures.push(...out.filter((f): f is string => f !== null));
  }
  return failures;
}

describe('access matrix (generated from the supergraph)', () => {
  let stack: Stack;
  let schema: GraphQLSchema;
  const samples = new Map<string, Sample>();
  const listOf = new Map<string, string>();
  let cells = 0;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    schema = supergraphSchema();
    const admin = token({ role: 'ADMIN' });
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const conn = getNamedType(field.type);
      if (!conn.name.endsWith('Connection') || !isObjectType(conn)) continue;
      const node = getNamedType((getNamedType(conn.getFields().edges.type) as GraphQLObjectType).getFields().node.type);
      listOf.set(node.name, field.name);
      const data = await ok(stack.gatewayUrl, `{ ${field.name}(first: 1) { edges { node { id regionCode } } } }`, undefined, admin);
      const first = data[field.name].edges[0]?.node;
      if (first) samples.set(node.name, first);
    }
  }, 300_000);
  afterAll(async () => {
    console.log(`access matrix: ${cells} cells checked`);
    await stack?.stop();
  });

  test('every query field and mutation declares an access rule', () => {
    const missing: string[] = [];
    for (const f of Object.values(schema.getQueryType()!.getFields())) {
      const tags = fieldTags(f);
      if (!tags.some((t) => t === 'access-public' || t === 'access-viewer' || t === 'access-admin' || t === `access-write-${subgraphOf(f)}`)) missing.push(`Query.${f.name}`);
    }
    for (const f of Object.values(schema.getMutationType()!.getFields())) {
      const tags = fieldTags(f);
      if (!tags.includes('access-admin') && !tags.includes(`access-write-${subgraphOf(f)}`)) missing.push(`Mutation.${f.name}`);
    }
    expect(missing).toEqual([]);
  });

  /** public: everyone; sector writers' reads (audit log): ADMIN and the sector's EDITORs; else authenticated. */
  const queryExpectation = (field: Field, caller: Caller): string => {
    if (expectedRule(schema.getQueryType()!, field) === 'public') return 'allowed';
    if (['anonymous', 'forged'].includes(caller)) return 'UNAUTHENTICATED';
    const tags = fieldTags(field);
    if (tags.includes('access-admin')) return caller === 'admin' ? 'allowed' : 'FORBIDDEN';
    if (tags.includes(`access-write-${subgraphOf(field)}`)) return ['viewer', 'editorOtherSector'].includes(caller) ? 'FORBIDDEN' : 'allowed';
    return 'allowed';
  };

  test('query fields: anonymous callers get region figures and directories only', async () => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    const work = fields.flatMap((field) => CALLERS.map((caller) => ({ field, caller })));
    const failures = await runCells(work, async ({ field, caller }) => {
      const sector = subgraphOf(field) ?? 'communities';
      const sample = samples.get(getNamedType(field.type).name);
      const values = field.name === 'region' ? { code: '610581' } : sample ? { id: sample.id } : {};
      const { query, variables } = operationFor('query', field, values);
      const res = await gql(stack.gatewayUrl, query, variables, bearer(caller, sector, sample?.regionCode ?? '61'));
      const got = refusedWith(res);
      const want = queryExpectation(field, caller);
      cells++;
      return got === want ? null : `Query.${field.name} as ${caller}: ${got} (want ${want}) ${JSON.stringify(res.errors?.[0]?.message ?? '')}`;
    });
    expect(failures).toEqual([]);
  });

  test('mutations: only ADMIN and the sector’s EDITOR inside its regions', async () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    const work = fields.flatMap((field) => CALLERS.map((caller) => ({ field, caller })));
    const failures = await runCells(work, async ({ field, caller }) => {
      const sector = subgraphOf(field)!;
      const typeName = field.name.startsWith('delete') ? field.name.slice('delete'.length) : getNamedType(field.type).name;
      const sample = samples.get(typeName);
      const hasId = field.args.some((a) => a.name === 'id');
      // Out of its regions an EDITOR is refused on a real record before anything is written;
      // everyone else gets an id that does not exist, so the matrix changes no data.
      if (caller === 'editorElsewhere' && !(hasId && sample)) return null;
      const id = caller === 'editorElsewhere' ? sample!.id : randomUUID();
      const { query, variables } = operationFor('mutation', field, hasId ? { id } : {});
      const res = await gql(stack.gatewayUrl, query, variables, bearer(caller, sector, sample?.regionCode ?? '61'));
      const got = refusedWith(res);
      const adminOnly = fieldTags(field).includes('access-admin');
      const want = ['anonymous', 'forged'].includes(caller) ? 'UNAUTHENTICATED' : adminOnly ? (caller === 'admin' ? 'allowed' : 'FORBIDDEN') : ['viewer', 'editorOtherSector', 'editorElsewhere'].includes(caller) ? 'FORBIDDEN' : 'allowed';
      cells++;
      return got === want ? null : `Mutation.${field.name} as ${caller}: ${got} (want ${want}) ${JSON.stringify(res.errors?.[0]?.message ?? '')}`;
    });
    expect(failures).toEqual([]);
  });

  /** A selection of one field of `type` with dummy required arguments. */
  const select = (field: Field) => {
    const args = requiredArgs(field);
    const call = args.length ? `(${args.map((a) => `${a.name}: ${dummyLiteral(a.type)}`).join(', ')})` : '';
    const target = getNamedType(field.type);
    const sub = isScalarType(target) || isEnumType(target) ? '' : target.name.endsWith('Connection') ? '{ totalCount }' : '{ __typename }';
    return `${field.name}${call} ${sub}`;
  };

  test('fields of the types anonymous callers reach (directories, Region): public attributes only', async () => {
    const roots: { type: GraphQLObjectType; wrap: (sel: string) => string }[] = [];
    for (const type of objectTypes(schema)) {
      if (type.name === 'Region') roots.push({ type, wrap: (sel) => `{ region(code: "610581") { ${sel} } }` });
      else if (typeTags(type).includes('access-directory')) roots.push({ type, wrap: (sel) => `{ ${listOf.get(type.name)}(first: 2) { edges { node { ${sel} } } } }` });
    }
    expect(roots.map((r) => r.type.name).sort()).toEqual(['Community', 'Enterprise', 'Hospital', 'Region', 'School']);
    const work = roots.flatMap(({ type, wrap }) => Object.values(type.getFields()).flatMap((field) => (['anonymous', 'viewer'] as Caller[]).map((caller) => ({ type, wrap, field, caller }))));
    const failures = await runCells(work, async ({ type, wrap, field, caller }) => {
      const res = await gql(stack.gatewayUrl, wrap(select(field)), undefined, bearer(caller, 'communities', '61'));
      const got = refusedWith(res);
      const want = caller === 'anonymous' && expectedRule(type, field) !== 'public' ? 'UNAUTHENTICATED' : 'allowed';
      cells++;
      return got === want ? null : `${type.name}.${field.name} as ${caller}: ${got} (want ${want})`;
    });
    expect(failures).toEqual([]);
  });

  test('_entities: every field of every record type, asked of its subgraph directly', async () => {
    const work: { sub: string; type: GraphQLObjectType; field: Field; caller: Caller; sample: Sample }[] = [];
    for (const type of objectTypes(schema)) {
      const sample = samples.get(type.name);
      if (!sample) continue;
      for (const sub of idKeyedIn(type)) {
        for (const field of Object.values(type.getFields())) {
          // Only the fields this subgraph resolves (join__field names it, or the type is its own).
          const owner = subgraphOf(field);
          if (owner && owner !== sub) continue;
          for (const caller of ['anonymous', 'viewer'] as Caller[]) work.push({ sub, type, field, caller, sample });
        }
      }
    }
    expect(work.length).toBeGreaterThan(100);
    const failures = await runCells(work, async ({ sub, type, field, caller, sample }) => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type.name} { ${select(field)} } } }`;
      const res = await gql(stack.subgraphs[sub].url, query, { r: [{ __typename: type.name, id: sample.id }] }, bearer(caller, sub, sample.regionCode));
      if (codes(res).includes('GRAPHQL_VALIDATION_FAILED')) return null; // a field this subgraph does not define
      const got = refusedWith(res);
      const want = caller === 'anonymous' && expectedRule(type, field) !== 'public' ? 'UNAUTHENTICATED' : 'allowed';
      cells++;
      return got === want ? null : `_entities ${sub} ${type.name}.${field.name} as ${caller}: ${got} (want ${want})`;
    });
    expect(failures).toEqual([]);
  });

  test('personal fields are masked on every path for everyone but ADMIN and the record’s own EDITOR', async () => {
    const personal: { type: GraphQLObjectType; field: Field; kind: string }[] = [];
    for (const type of objectTypes(schema)) {
      for (const field of Object.values(type.getFields())) {
        const tag = fieldTags(field).find((t) => t.startsWith('personal-'));
        if (tag) personal.push({ type, field, kind: tag.slice('personal-'.length) });
      }
    }
    expect(personal.length).toBeGreaterThanOrEqual(8);
    // Paths: the type's own list, its lookup, and every relation of a listed type that leads to it.
    const paths: { label: string; query: (sel: string) => string; pick: (d: any) => any[]; sector: string }[] = [];
    const failures: string[] = [];
    let clearValues = 0;
    for (const { type, field, kind } of personal) {
      const sector = subgraphOf(schema.getQueryType()!.getFields()[listOf.get(type.name)!])!;
      const list = listOf.get(type.name)!;
      const sample = samples.get(type.name);
      const own = [
        { label: `${list}`, query: (sel: string) => `{ ${list}(first: 20) { edges { node { ${sel} } } } }`, pick: (d: any) => d[list].edges.map((e: any) => e.node) },
        ...(sample ? [{ label: `${type.name} by id`, query: (sel: string) => `{ one: ${byIdName(schema, type)}(id: "${sample.id}") { ${sel} } }`, pick: (d: any) => [d.one] }] : []),
      ];
      for (const parent of objectTypes(schema)) {
        const parentList = listOf.get(parent.name);
        if (!parentList || parent === type) continue;
        for (const rel of Object.values(parent.getFields())) {
          if (getNamedType(rel.type) !== type || requiredArgs(rel).length) continue;
          own.push({
            label: `${parent.name}.${rel.name}`,
            query: (sel) => `{ ${parentList}(first: 20) { edges { node { ${rel.name} { ${sel} } } } } }`,
            pick: (d: any) => d[parentList].edges.flatMap((e: any) => [e.node[rel.name]].flat().filter(Boolean)),
          });
        }
      }
      for (const path of own) {
        paths.push({ ...path, sector });
        const sel = `id regionCode ${field.name}`;
        const clear = path.pick(await ok(stack.gatewayUrl, path.query(sel), undefined, token({ role: 'ADMIN' })));
        const byId = new Map(clear.map((r: any) => [r.id, r]));
        for (const caller of CALLERS.filter((c) => c !== 'admin')) {
          for (const record of clear.slice(0, 3)) {
            const res = await gql(stack.gatewayUrl, path.query(sel), undefined, bearer(caller, sector, record.regionCode));
            cells++;
            if (caller === 'anonymous' || caller === 'forged') {
              if (!codes(res).includes('UNAUTHENTICATED')) failures.push(`${path.label}.${field.name} as ${caller}: not refused`);
              continue;
            }
            const seen = res.data ? path.pick(res.data).find((r: any) => r.id === record.id) : undefined;
            const value = (byId.get(record.id) as any)[field.name];
            if (value) clearValues++;
            const masked = kind === 'phone' ? maskPhone(value) : maskName(value);
            const want = caller === 'editorOwn' ? value : masked;
            if (seen?.[field.name] !== want) failures.push(`${path.label}.${field.name} as ${caller}: ${JSON.stringify(seen?.[field.name])} (want ${JSON.stringify(want)})`);
          }
        }
      }
    }
    console.log(`personal fields: ${personal.length}, paths: ${paths.length}, clear values compared: ${clearValues}`);
    expect(clearValues).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

/** The by-id lookup of a type: the Query field taking `id` and returning it. */
function byIdName(schema: GraphQLSchema, type: GraphQLObjectType): string {
  const field = Object.values(schema.getQueryType()!.getFields()).find((f) => getNamedType(f.type) === type && f.args.some((a) => a.name === 'id'));
  return field!.name;
}
