import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS, SUPERGRAPH_FILE, subgraphMain } from '@pb/gateway';
import { gql, ok } from '../support/harness';
import { eventually, freshDatabase, type RunningProcess, runProcess } from '../support/processes';

const GATEWAY_MAIN = require.resolve('@pb/gateway/dist/gateway/main.js');
const NEXT_HOSPITALS = join(__dirname, '..', 'support', 'fixtures', 'hospitals-next.js');
const ADDRESSES: Record<string, string> = { communities: '127.0.0.2', hospitals: '127.0.0.3', schools: '127.0.0.4', soes: '127.0.0.5' };
const ALL_SECTORS = '{ region(code: "61") { name communityStats { communities } hospitalStats { hospitals } schoolStats { schools } soeStats { enterprises } } }';

/**
 * Each agency's subgraph as its own process on its own address (127.0.0.2–5, as four hosts
 * would be), started alone with only its own settings; the gateway as a fifth process, from a
 * config file pointing at them, composing from their live schemas.
 */
describe('subgraphs and gateway deployed apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-federation-'));
  const procs: Record<string, RunningProcess> = {};
  const dbs: Record<string, string> = {};
  let gateway: RunningProcess;
  let ports: Record<string, number> = {};

  const subgraphEnv = (name: string, port: number) => ({
    [`${name.toUpperCase()}_DATABASE_URL`]: dbs[name],
    [`${name.toUpperCase()}_PORT`]: String(port),
    HOST: ADDRESSES[name],
    PB_SEED: '0',
  });
  const startSubgraph = async (name: string, script = subgraphMain(SUBGRAPHS.find((s) => s.name === name)!), extra: Record<string, string> = {}) => {
    procs[name] = await runProcess(script, { ...subgraphEnv(name, ports[name] ?? 0), ...extra });
    ports[name] = Number(new URL(procs[name].url).port);
    return procs[name];
  };

  beforeAll(async () => {
    for (const s of SUBGRAPHS) dbs[s.name] = await freshDatabase(s.name);
    // soes starts after the gateway: a subgraph down at start must not stop the others.
    await Promise.all(['communities', 'hospitals', 'schools'].map((n) => startSubgraph(n)));
    ports = { ...ports, soes: 0 };
    // The gateway needs soes' address before soes runs: take a free port on its address.
    ports.soes = await freePortOn(ADDRESSES.soes);
    const config = join(dir, 'supergraph.yaml');
    writeFileSync(
      config,
      [
        'federation_version: =2.14.4',
        'subgraphs:',
        ...SUBGRAPHS.flatMap((s) => {
          const url = `http://${ADDRESSES[s.name]}:${ports[s.name]}/graphql`;
          return [`  ${s.name}:`, `    routing_url: ${url}`, '    schema:', `      subgraph_url: ${url}`];
        }),
        'gateway:',
        '  poll_interval_seconds: 1',
        `  fallback_supergraph: ${SUPERGRAPH_FILE}`,
        `  operations_file: ${join(dir, 'operations.json')}`,
      ].join('\n'),
    );
    gateway = await runProcess(GATEWAY_MAIN, { PB_GATEWAY_CONFIG: config, GATEWAY_PORT: '0', HOST: '127.0.0.1' });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([gateway, ...Object.values(procs)].filter(Boolean).map((p) => p.signal('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a subgraph down at start leaves the others served; when it comes up the gateway takes it in', async () => {
    const res = await gql(gateway.url, ALL_SECTORS);
    expect(res.data?.region).toMatchObject({ name: '陕西省', communityStats: { communities: 0 }, hospitalStats: { hospitals: 0 }, schoolStats: { schools: 0 }, soeStats: null });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'soes' });
    await startSubgraph('soes');
    const data = await eventually(async () => (await gql(gateway.url, ALL_SECTORS)).data?.region?.soeStats, 20_000, 'soes served');
    expect(data).toEqual({ enterprises: 0 });
    // The request id travels from the caller through the gateway into the subgraph's access log.
    await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-1' }, body: JSON.stringify({ query: 'query Traced { region(code: "61") { hospitalStats { hospitals } } }' }) });
    const logged = (p: RunningProcess) => p.output().split('\n').filter((l) => l.includes('"trace-me-1"')).map((l) => JSON.parse(l));
    // Log lines arrive through pipes: wait for them.
    const accessLine = (p: RunningProcess) => eventually(async () => logged(p).find((l) => l.msg === 'request'), 5000, 'access line');
    expect(await accessLine(gateway)).toMatchObject({ operation: 'Traced', status: 200, service: 'gateway' });
    expect(await accessLine(procs.hospitals)).toMatchObject({ service: 'hospitals', status: 200 });
    const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as { status: string; mode: string; subgraphs: { name: string; reachable: boolean; schemaHash: string }[] };
    expect(ready).toMatchObject({ status: 'ok', mode: 'live' });
    expect(ready.subgraphs.map((s) => [s.name, s.reachable, /^[0-9a-f]{16}$/.test(s.schemaHash)])).toEqual(SUBGRAPHS.map((s) => [s.name, true, true]));
  });

  test('a subgraph redeployed with a changed schema is picked up without restarting the gateway', async () => {
    const stopped = await procs.hospitals.signal('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    await startSubgraph('hospitals', NEXT_HOSPITALS, { PB_FIXTURE_CHANGE: 'add' });
    const version = await eventually(async () => (await gql(gateway.url, '{ hospitalsSchemaVersion }')).data?.hospitalsSchemaVersion, 20_000, 'new field served');
    expect(version).toBe(2);
    expect((await ok(gateway.url, ALL_SECTORS)).region.hospitalStats).toEqual({ hospitals: 0 });
  });

  test('a change that does not compose keeps the last good supergraph serving, logged and counted', async () => {
    await procs.hospitals.signal('SIGTERM');
    await startSubgraph('hospitals', NEXT_HOSPITALS, { PB_FIXTURE_CHANGE: 'conflict' });
    const failures = await eventually(async () => {
      const metrics = await (await fetch(new URL('/metrics', gateway.url))).text();
      const n = Number(/pb_supergraph_compositions_total\{outcome="failure"\} (\d+)/.exec(metrics)?.[1] ?? 0);
      return n > 0 && n;
    }, 20_000, 'a failed composition counted');
    expect(failures).toBeGreaterThan(0);
    await eventually(async () => /"msg":"supergraph composition failed; the last good supergraph keeps serving"/.test(gateway.output()), 5000, 'composition failure log line');
    expect(gateway.output()).toMatch(/Query\.communities/);
    // Still the last good supergraph: every sector answers…
    expect((await ok(gateway.url, ALL_SECTORS)).region).toMatchObject({ communityStats: { communities: 0 }, hospitalStats: { hospitals: 0 } });
    // …and it still plans the field the running hospitals no longer has: a stale supergraph,
    // answered as such (not as "unavailable") and logged with both sides named.
    const stale = await gql(gateway.url, '{ hospitalsSchemaVersion }');
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_SCHEMA_MISMATCH', serviceName: 'hospitals' });
    expect(stale.errors?.[0].message).toMatch(/hospitalsSchemaVersion/);
    // Log lines arrive through a pipe: wait for this one.
    const line = await eventually(async () => gateway.output().split('\n').find((l) => l.includes('stale supergraph')), 5000, 'stale supergraph log line');
    expect(JSON.parse(line)).toMatchObject({ level: 50 - 10, subgraph: 'hospitals', supergraph: expect.stringMatching(/^[0-9a-f]{16}$/), subgraphError: expect.stringMatching(/hospitalsSchemaVersion/) });
    const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as { lastCompositionErrors?: string[] };
    expect(ready.lastCompositionErrors?.join('\n')).toMatch(/communities/);
  });

  test('the gateway and every subgraph exit cleanly on SIGTERM and SIGINT', async () => {
    const results = await Promise.all([
      gateway.signal('SIGTERM'),
      procs.communities.signal('SIGINT'),
      procs.schools.signal('SIGTERM'),
      procs.soes.signal('SIGINT'),
      procs.hospitals.signal('SIGTERM'),
    ]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(5000);
    }
  });
});

async function freePortOn(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
