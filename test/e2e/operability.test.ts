import { createServer, type Server } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { type Stack, SUBGRAPHS, subgraphMain } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';
import { freshDatabase, runProcess, runToEnd } from '../support/processes';

const HOSPITALS_MAIN = subgraphMain(SUBGRAPHS.find((s) => s.name === 'hospitals')!);
const LAUNCHER = require.resolve('@pb/gateway/dist/stack/main.js');
const CREATE_MEETING = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { res, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('errors tell the truth, and operators can see inside', () => {
  let stack: Stack;
  let url: string;
  const admin = () => token({ role: 'ADMIN' });

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    url = stack.gatewayUrl;
  });
  afterAll(() => stack?.stop());

  test("a subgraph's rejection of a bad Date keeps its code and field, and the request id the caller gave", async () => {
    const { res, body } = await post(
      url,
      CREATE_MEETING,
      { input: { communityId: 'x', format: 'BENCH', heldOn: '2026/11/20', attendees: 3, topics: 't' } },
      { authorization: `Bearer ${admin()}`, 'x-request-id': 'client-req-42' },
    );
    expect(res.headers.get('x-request-id')).toBe('client-req-42');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn', requestId: 'client-req-42' });
    expect(body.errors?.[0].message).not.toMatch(/unavailable/i);
  });

  test('a bad DateTimeISO variable and a bad Date literal are BAD_USER_INPUT, not SUBGRAPH_UNAVAILABLE', async () => {
    const since = await gql(url, 'query($since: DateTimeISO) { hospitals(updatedSince: $since) { totalCount } }', { since: 'yesterday' });
    expect(since.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(since.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const literal = await gql(url, '{ region(code: "61") { hospitalStats(period: { from: "2024/01/01" }) { hospitals } } }');
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('SUBGRAPH_UNAVAILABLE is kept for a subgraph that does not answer', async () => {
    await stack.subgraphs.schools.stop();
    try {
      const res = await gql(url, '{ region(code: "61") { hospitalStats { hospitals } schoolStats { schools } } }');
      expect(res.data?.region).toMatchObject({ schoolStats: null });
      expect((res.data?.region as { hospitalStats: { hospitals: number } }).hospitalStats.hospitals).toBeGreaterThan(0);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'schools' });
      const ready = (await (await fetch(new URL('/ready', url))).json()) as { subgraphs: { name: string; reachable: boolean }[] };
      expect(ready.subgraphs.find((s) => s.name === 'schools')?.reachable).toBe(false);
    } finally {
      await stack.subgraphs.schools.restart();
    }
  });

  test('/health is liveness; /ready lists each subgraph; a subgraph is ready when its database answers and is migrated', async () => {
    expect((await fetch(new URL('/health', url))).status).toBe(200);
    const ready = await fetch(new URL('/ready', url));
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; mode: string; supergraph: string; subgraphs: { name: string; reachable: boolean; schemaHash: string }[] };
    expect(body).toMatchObject({ status: 'ok', mode: 'file', supergraph: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(body.subgraphs.map((s) => [s.name, s.reachable])).toEqual(SUBGRAPHS.map((s) => [s.name, true]));
    const sub = await fetch(new URL('/ready', stack.subgraphs.hospitals.url));
    expect(sub.status).toBe(200);
    expect(await sub.json()).toEqual({ status: 'ok', subgraph: 'hospitals', database: true, migrations: 'applied' });
  });

  test('/metrics: requests by operation and outcome, latency, subgraph fetches, database pool', async () => {
    await ok(url, 'query CountyFigures { region(code: "610581") { hospitalStats { hospitals } } }');
    await gql(url, 'query Broken($since: DateTimeISO) { hospitals(updatedSince: $since) { totalCount } }', { since: 'never' });
    const gateway = await (await fetch(new URL('/metrics', url))).text();
    expect(gateway).toMatch(/pb_graphql_requests_total\{operation="CountyFigures",outcome="ok"\} [1-9]/);
    expect(gateway).toMatch(/pb_graphql_requests_total\{operation="Broken",outcome="error"\} [1-9]/);
    expect(gateway).toMatch(/pb_graphql_request_duration_seconds_bucket\{le="[\d.]+",operation="CountyFigures"\}/);
    expect(gateway).toMatch(/pb_subgraph_fetch_duration_seconds_count\{subgraph="hospitals"\} [1-9]/);
    const subgraph = await (await fetch(new URL('/metrics', stack.subgraphs.hospitals.url))).text();
    expect(subgraph).toMatch(/pb_db_pool_connections\{state="total"\} [1-9]/);
    expect(subgraph).toMatch(/pb_graphql_requests_total\{operation="[^"]+",outcome="ok"\} [1-9]/);
  });
});

describe('a subgraph process on its own: settings, logs, signals', () => {
  let db: string;
  beforeAll(async () => {
    db = await freshDatabase('hospitals');
  });

  const start = (env: Record<string, string>) => runToEnd(HOSPITALS_MAIN, [], { HOSPITALS_PORT: '0', PB_SEED: '0', ...env }, 60_000);

  test('bad settings are refused with one clear line each, no stack', async () => {
    const bad = await start({ HOSPITALS_DATABASE_URL: 'mysql://x', HOSPITALS_PORT: '99999', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/HOSPITALS_DATABASE_URL must start with postgresql:\/\//);
    expect(bad.output).toMatch(/HOSPITALS_PORT must be 0–65535/);
    expect(bad.output).toMatch(/LOG_LEVEL must be one of/);
    expect(bad.output).toMatch(/NODE_ENV must be development, production or test/);
    expect(bad.output).not.toMatch(/\n\s+at /);
    const unknownHost = await start({ HOSPITALS_DATABASE_URL: 'postgresql://u:p@base.invalid/pb' });
    expect(unknownHost.code).toBe(1);
    expect(unknownHost.output).toMatch(/HOSPITALS_DATABASE_URL: host base\.invalid not found/);
    expect(unknownHost.output).not.toMatch(/\n\s+at /);
    const missing = await start({ HOSPITALS_DATABASE_URL: db.replace(/\/[^/]+$/, '/pb_no_such_database') });
    expect(missing.output).toMatch(/HOSPITALS_DATABASE_URL: database "pb_no_such_database" does not exist/);
  });

  test('a taken port is named', async () => {
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)));
    try {
      const res = await start({ HOSPITALS_DATABASE_URL: db, HOSPITALS_PORT: String(port) });
      expect(res.code).toBe(1);
      expect(res.output).toContain(`HOSPITALS_PORT: port ${port} on 127.0.0.1 is already taken`);
    } finally {
      taken.close();
    }
  });

  test('production: refuses the embedded database unless asked, refuses no key, accepts JWT_PUBLIC_KEY alone', async () => {
    const noDb = await start({ NODE_ENV: 'production', JWT_SECRET: '' });
    expect(noDb.code).toBe(1);
    expect(noDb.output).toMatch(/HOSPITALS_DATABASE_URL \(or DATABASE_URL\) must be set when NODE_ENV=production; PB_EMBEDDED_POSTGRES=1/);
    expect(noDb.output).toMatch(/JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL must be set/);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const proc = await runProcess(HOSPITALS_MAIN, { NODE_ENV: 'production', JWT_SECRET: '', JWT_PUBLIC_KEY: publicKey, HOSPITALS_DATABASE_URL: db, HOSPITALS_PORT: '0', PB_SEED: '0' });
    const { res, body } = await post(proc.url, 'query Probe { hospitals { totalCount } }', {}, { 'x-request-id': 'probe-7' });
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ hospitals: { totalCount: 0 } });
    const stopped = await proc.signal('SIGTERM');
    expect(stopped).toMatchObject({ code: 0 });
    expect(stopped.ms).toBeLessThan(5000);
    // JSON logs: one access line with the request id, operation, status and duration.
    const access = proc.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.requestId === 'probe-7');
    expect(access).toMatchObject({ service: 'hospitals', operation: 'Probe', status: 200, path: '/graphql', ms: expect.any(Number), time: expect.any(String) });
  });

  test('the one-machine launcher stops with its subgraphs on SIGTERM', async () => {
    const urls = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [`${s.name.toUpperCase()}_DATABASE_URL`, await freshDatabase(s.name)])));
    const launcher = await runProcess(LAUNCHER, { ...urls, GATEWAY_PORT: '0', SUBGRAPH_PORTS: '0', PB_SEED: '0', NODE_ENV: 'development' }, 120_000, /Gateway:\s+(http\S+)/);
    const subgraphUrls = [...launcher.output().matchAll(/(communities|hospitals|schools|soes) (http\S+?)(,|\n)/g)].map((m) => m[2]);
    expect(subgraphUrls).toHaveLength(4);
    expect((await ok(launcher.url, '{ region(code: "61") { name } }')).region.name).toBe('陕西省');
    const stopped = await launcher.signal('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    for (const u of subgraphUrls) await expect(fetch(u)).rejects.toThrow();
  });
});
