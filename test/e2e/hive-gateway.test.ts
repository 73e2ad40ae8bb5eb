import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Stack, SUBGRAPHS, SUPERGRAPH_FILE } from '@pb/gateway';
import { freePort } from '@pb/kit';
import { gql, startTestStack, token } from '../support/harness';
import { type RunningProcess, runProcess } from '../support/processes';

const HIVE_BIN = join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist', 'bin.js');
const DOCS = join(__dirname, '..', '..', 'docs', 'dashboard.md');

/** The graphql blocks of docs/dashboard.md, each with the `Variables:` line that follows it, if any. */
function docsQueries(): { query: string; variables?: Record<string, unknown> }[] {
  const text = readFileSync(DOCS, 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```\s*(?:Variables: `([^`]+)`)?/g)].map((m) => ({ query: m[1], variables: m[2] ? JSON.parse(m[2]) : undefined }));
}

/**
 * The committed supergraph, unchanged but for the subgraphs' addresses, served by Hive Gateway
 * (another federation engine, from npm) in front of the same subgraphs: its answers to the docs/
 * queries must be the product gateway's.
 */
describe('the committed supergraph on Hive Gateway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-hive-'));
  let stack: Stack;
  let hive: RunningProcess;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    let sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
    for (const s of SUBGRAPHS) sdl = sdl.replace(`http://127.0.0.1:${s.defaultPort}/graphql`, stack.subgraphs[s.name].url);
    const file = join(dir, 'supergraph.graphql');
    writeFileSync(file, sdl);
    const port = await freePort();
    // Hive forwards no client headers unless told: the bearer token goes to the subgraphs, as ours does.
    const config = join(dir, 'gateway.config.mjs');
    writeFileSync(config, `export const gatewayConfig = { propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }) } };\n`);
    hive = await runProcess(HIVE_BIN, { NO_COLOR: '1', HOME: dir }, 120_000, /Listening on (http:\/\/[\d.:]+)/, ['supergraph', file, '--config-path', config, '--host', '127.0.0.1', '--port', String(port)]);
  }, 240_000);
  afterAll(async () => {
    await hive?.signal('SIGTERM');
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('answers every docs/ query as the product gateway does', async () => {
    const queries = docsQueries();
    expect(queries.length).toBeGreaterThanOrEqual(4);
    for (const { query, variables } of queries) {
      // A VIEWER, who may read every query of the docs (the sync and 双报到 lookups need a token).
      const viewer = token({ role: 'VIEWER' });
      const ours = await gql(stack.gatewayUrl, query, variables, viewer);
      const theirs = await gql(`${hive.url}/graphql`, query, variables, viewer);
      expect(ours.errors).toBeUndefined();
      expect(theirs.errors).toBeUndefined();
      // Cursors carry the sync watermark (syncedAt) of the moment they were read.
      expect(withoutWatermarks(theirs.data)).toEqual(withoutWatermarks(ours.data));
    }
  });
});

/** The answer without what depends on when it was read: cursors and `syncedAt`. */
function withoutWatermarks(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data), (key, value) => (['cursor', 'endCursor', 'startCursor', 'syncedAt'].includes(key) ? undefined : value));
}
