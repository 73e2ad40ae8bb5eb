/**
 * Bounded cost with clear refusals, at the gateway and in a subgraph: aliases, depth, tokens,
 * body size and estimated cost answer HTTP 400 (413 for the body) with the limit's code and
 * figures; the anonymous rate limit answers 429 with Retry-After; a paused subgraph costs only its
 * own sector's fields, in time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningGateway, type Stack, startGateway, SUPERGRAPH_FILE } from '@pb/gateway';
import { KeyVerifier } from '@pb/kit';
import { gql, ok, startTestStack, TEST_SECRET, token } from '../support/harness';

const DASHBOARD = readFileSync(join(__dirname, '../../docs/dashboard.md'), 'utf8').match(/```graphql\n([\s\S]*?)```/)![1];

/** The gateway's per-subgraph timeout on this stack (the default is 5 s). */
const SUBGRAPH_TIMEOUT_MS = 2_500;

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('request limits', () => {
  let stack: Stack;
  let targets: [string, string][];
  beforeAll(async () => {
    stack = await startTestStack({ timeoutMs: SUBGRAPH_TIMEOUT_MS });
    targets = [
      ['gateway', stack.gatewayUrl],
      ['hospitals subgraph', stack.subgraphs.hospitals.url],
    ];
  });
  afterAll(() => stack?.stop());

  test('the dashboard query and a three-level drill-down are within every limit', async () => {
    for (const code of ['61', '6105', '610581', '610581001']) {
      const data = await ok(stack.gatewayUrl, DASHBOARD, { code, period: { from: '2024-01-01', to: '2024-12-31' } });
      expect(data.region.code).toBe(code);
    }
    await ok(stack.gatewayUrl, '{ region(code: "61") { children { children { children { code name } } } } }');
  });

  test.each([
    ['aliases', `{ region(code: "61") { ${Array.from({ length: 200 }, (_, i) => `a${i}: hospitalStats { hospitals }`).join(' ')} } }`, 'ALIAS_LIMIT_EXCEEDED', 100, 200],
    ['depth', `{ region(code: "61") { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } }`, 'DEPTH_LIMIT_EXCEEDED', 15, 16],
    ['tokens', `{ region(code: "61") { ${'name '.repeat(5_000)} } }`, 'TOKEN_LIMIT_EXCEEDED', 5_000, 5_001],
    ['directives', `{ region(code: "61") { ${Array.from({ length: 21 }, (_, i) => `d${i}: name @include(if: true)`).join(' ')} } }`, 'DIRECTIVE_LIMIT_EXCEEDED', 20, 21],
  ])('too many %s: 400 with the code and figures', async (_what, query, code, limit, found) => {
    for (const [where, url] of targets) {
      const res = await post(url, JSON.stringify({ query }));
      expect([where, res.status]).toEqual([where, 400]);
      expect(res.json.errors?.[0].extensions).toMatchObject({ code, limit });
      expect(res.json.errors?.[0].extensions?.found).toBeGreaterThanOrEqual(found);
    }
  });

  test('estimated cost: every village of a province is refused before anything runs, a page of 100 is not', async () => {
    const villages = '{ region(code: "61") { children { children { children { children { code communityStats { communities } } } } } } }';
    const res = await post(stack.gatewayUrl, JSON.stringify({ query: villages }));
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 100_000 });
    expect(res.json.errors?.[0].extensions?.found).toBeGreaterThan(100_000);
    expect(res.json.errors?.[0].message).toMatch(/estimated to cost \d+; at most 100000/);
    // The cycle that timed a subgraph out: children { parent { children … } } thirteen deep.
    const cycle = `{ region(code: "61") { ${'children { parent { '.repeat(6)}code${' } }'.repeat(6)} } }`;
    expect((await post(stack.gatewayUrl, JSON.stringify({ query: cycle }))).json.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    // A subgraph counts _entities' representations: 2000 regions with their figures is too much.
    const reps = Array.from({ length: 2_000 }, () => ({ __typename: 'Region', code: '610581' }));
    const entities = await post(stack.subgraphs.hospitals.url, JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { children { hospitalStats { hospitals freeClinics } } } } }', variables: { r: reps } }));
    expect(entities.status).toBe(400);
    expect(entities.json.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const page = await gql(stack.gatewayUrl, '{ hospitals(first: 100) { totalCount edges { node { id name grade } } } }');
    expect(page.errors).toBeUndefined();
  });

  test('a body over the size limit is 413 with its code, before parsing', async () => {
    for (const [, url] of targets) {
      const res = await post(url, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }));
      expect(res.status).toBe(413);
      expect(res.json.errors?.[0].extensions).toMatchObject({ code: 'BODY_TOO_LARGE', limit: 1024 * 1024 });
    }
  });

  test('a paused subgraph answers null for its sector with SUBGRAPH_UNAVAILABLE, the rest in time', async () => {
    const pid = stack.subgraphs.schools.pid!;
    const query = '{ region(code: "610581") { name hospitalStats { hospitals } schoolStats { schools } soeStats { enterprises } } }';
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const res = await gql(stack.gatewayUrl, query);
      const took = Date.now() - started;
      expect(took).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 2_000);
      expect(took).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 100);
      expect(res.data?.region).toMatchObject({ name: '韩城市', hospitalStats: { hospitals: expect.any(Number) }, schoolStats: null, soeStats: { enterprises: expect.any(Number) } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'schools' });
      expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|localhost|http:/);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const again = await ok(stack.gatewayUrl, query);
    expect(again.region.schoolStats.schools).toEqual(expect.any(Number));
  });

  describe('anonymous rate limit', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
        port: 0,
        env: { PB_ANON_RATE_PER_SEC: '2', PB_ANON_RATE_BURST: '3', PB_AUTH_RATE_PER_SEC: '50', PB_AUTH_RATE_BURST: '100' },
        verifier: new KeyVerifier(TEST_SECRET, ['HS256']),
      });
    });
    afterAll(() => gateway?.stop());

    test('a burst of anonymous requests gets 429 with Retry-After; a valid token has its own budget; forged tokens count as anonymous', async () => {
      const body = JSON.stringify({ query: '{ region(code: "61") { name } }' });
      const statuses = await Promise.all(Array.from({ length: 12 }, () => post(gateway.url, body)));
      const limited = statuses.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(statuses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
      expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited[0].json.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      const forged = await post(gateway.url, body, { authorization: `Bearer ${token({ role: 'VIEWER' })}x` });
      expect(forged.status).toBe(429);
      const viewer = await post(gateway.url, body, { authorization: `Bearer ${token({ role: 'VIEWER', sub: 'v1' })}` });
      expect(viewer.status).toBe(200);
    });
  });
});
