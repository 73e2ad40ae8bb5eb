import { randomBytes } from 'node:crypto';
import { spawnSubgraph, type Stack, startStack, SUBGRAPHS, type SubgraphProcess } from '@pb/gateway';
import { type Claims, ensureDatabase, mintToken } from '@pb/kit';

/** Signing secret of the test stacks (never used outside tests). */
export const TEST_SECRET = 'pb-test-secret-not-for-production';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A signed token: `token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] })`. */
export function token(claims: Partial<Claims> & Pick<Claims, 'role'>): string {
  return mintToken({ sectors: [], regions: [], ...claims }, TEST_SECRET, '1h');
}

/** A GraphQL POST over real HTTP; a server that never answers fails it after a minute instead of hanging the run. */
export async function gql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, bearer?: string): Promise<GraphQLResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    signal: AbortSignal.timeout(60_000),
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: res.status, ...body };
}

/** A VIEWER: reads every non-personal field, writes nothing. */
export const VIEWER_TOKEN = token({ role: 'VIEWER', sub: 'test-viewer' });

/**
 * Data of a query expected to succeed; fails the test with the errors otherwise. Reads as a
 * VIEWER unless a bearer is given; `null` calls anonymously (region figures and directories).
 */
export async function ok<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, bearer: string | null = VIEWER_TOKEN): Promise<T> {
  const res = await gql<T>(url, query, variables, bearer ?? undefined);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/**
 * A test fixture's batch of aliased mutations (`a0: createX(…) { id }` …), sent a few at a time
 * so each request stays inside the alias and token limits; the data of all, merged.
 */
export async function mutateInChunks(url: string, fields: string[], bearer: string, size = 20): Promise<Record<string, any>> {
  const merged: Record<string, any> = {};
  for (let i = 0; i < fields.length; i += size) Object.assign(merged, await ok(url, `mutation { ${fields.slice(i, i + size).join('\n')} }`, {}, bearer));
  return merged;
}

/** Statements a subgraph process has sent to PostgreSQL so far (PB_SQL_STATS=1). */
export async function sqlStatements(subgraphUrl: string): Promise<number> {
  const res = await fetch(new URL('/debug/sql-statements', subgraphUrl));
  return ((await res.json()) as { statements: number }).statements;
}

/** Statements `fn` causes in a subgraph. */
export async function countStatements(subgraphUrl: string, fn: () => Promise<unknown>): Promise<number> {
  const before = await sqlStatements(subgraphUrl);
  await fn();
  return (await sqlStatements(subgraphUrl)) - before;
}

/** Statements `fn` causes across all the subgraphs of a stack. */
export async function countStackStatements(stack: Stack, fn: () => Promise<unknown>): Promise<number> {
  const urls = Object.values(stack.subgraphs).map((s) => s.url);
  const before = await Promise.all(urls.map(sqlStatements));
  await fn();
  const after = await Promise.all(urls.map(sqlStatements));
  return after.reduce((sum, n, i) => sum + n - before[i], 0);
}

function env(): { admin: string; run: string; template: string } {
  const admin = process.env.PB_TEST_DB_ADMIN;
  const run = process.env.PB_TEST_RUN;
  const template = process.env.PB_TEST_TEMPLATE;
  if (!admin || !run || !template) throw new Error('test database not prepared: run the tests through jest (globalSetup)');
  return { admin, run, template };
}

// The gateway reads these too (its rate limit is off in tests but the one testing it).
const SUBGRAPH_ENV = { JWT_SECRET: TEST_SECRET, PB_SQL_STATS: '1', PB_QUIET_ERRORS: process.env.PB_QUIET_ERRORS ?? '1', NODE_ENV: 'test', PB_ANON_RATE_PER_SEC: '0' };

/**
 * The whole supergraph on fresh databases and free ports, as `npm start` runs it. `seed`
 * loads the reference dataset; without it the databases hold only the regions. `env` adds to the
 * subgraphs' environment (e.g. PB_SQL_CAPTURE).
 */
export async function startTestStack(opts: { seed?: boolean; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Stack> {
  const { admin, run, template } = env();
  return startStack({
    adminUrl: admin,
    prefix: `pbt_${run}_${randomBytes(3).toString('hex')}_`,
    templateName: template,
    ignoreEnv: true,
    gatewayPort: 0,
    subgraphPorts: 0,
    env: { ...SUBGRAPH_ENV, PB_SEED: opts.seed ? '1' : '0', ...opts.env },
    timeoutMs: opts.timeoutMs,
    log: process.env.PB_TEST_VERBOSE === '1' ? (l) => console.log(l) : () => {},
  });
}

/** One subgraph alone, on a fresh database, as an agency would run it. */
export async function startTestSubgraph(name: string, opts: { seed?: boolean } = {}): Promise<SubgraphProcess> {
  const { admin, run, template } = env();
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`unknown subgraph ${name}`);
  const databaseUrl = await ensureDatabase(admin, `pbt_${run}_${randomBytes(3).toString('hex')}_${name}`, template);
  return spawnSubgraph(info, {
    databaseUrl,
    port: 0,
    env: { ...SUBGRAPH_ENV, PB_SEED: opts.seed ? '1' : '0' },
    log: process.env.PB_TEST_VERBOSE === '1' ? (l) => console.log(l) : () => {},
  });
}
