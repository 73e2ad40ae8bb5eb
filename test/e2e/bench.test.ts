import { type BenchTarget, DEFAULT_CASES, formatReport, measure, percentile, REFERENCE_REGIONS, runBenchmark, WRITE_MARKER } from '@pb/bench';
import type { Stack } from '@pb/gateway';
import { ok, startTestStack, TEST_SECRET } from '../support/harness';

/** `npm run bench`'s measuring functions, for 2 runs on a test stack with the reference dataset. */
describe('the benchmark (npm run bench)', () => {
  let stack: Stack;
  let target: BenchTarget;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true, env: { PB_SQL_CAPTURE: '1000' } });
    target = {
      gatewayUrl: stack.gatewayUrl,
      jwtSecret: TEST_SECRET,
      subgraphs: Object.values(stack.subgraphs).map((s) => ({ name: s.name, url: s.url, pid: s.pid, databaseUrl: stack.databases.urls[s.name] })),
    };
  });
  afterAll(() => stack?.stop());

  test('percentiles interpolate between ranks; measure warms up, then times each run', async () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8);
    let calls = 0;
    const timing = await measure(2, 3, async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 2));
    });
    expect(calls).toBe(5);
    expect(timing).toMatchObject({ runs: 2 });
    expect(timing.p50).toBeGreaterThan(1);
    expect(timing.max).toBeGreaterThanOrEqual(timing.p95);
  });

  test('measures the dashboard, its SQL, memory and a write, with as many statements for a county of 8 townships as for one of 27', async () => {
    const figures = await runBenchmark(target, {
      runs: 2,
      warmup: 1,
      regions: REFERENCE_REGIONS,
      period: { from: '2023-01-01', to: '2023-12-31' },
      cases: [...DEFAULT_CASES, 'import'],
      statementPair: ['610581', '610502'],
    });
    expect(figures.dashboard.map((d) => [d.region.code, d.region.level])).toEqual([
      ['61', 'PROVINCE'],
      ['6105', 'CITY'],
      ['610581', 'COUNTY'],
      ['610581001', 'TOWNSHIP'],
    ]);
    for (const d of figures.dashboard) {
      for (const t of [d.gateway!, d.directSql!]) {
        expect(t.runs).toBe(2);
        expect(t.p50).toBeGreaterThan(0);
        expect(t.p95).toBeGreaterThanOrEqual(t.p50);
        expect(t.max).toBeGreaterThanOrEqual(t.p95);
        expect(t.mean).toBeGreaterThan(0);
      }
      expect(d.ratio).toBeGreaterThan(0);
      expect(Object.keys(d.statements!.bySubgraph).sort()).toEqual(['communities', 'hospitals', 'schools', 'soes']);
      for (const n of Object.values(d.statements!.bySubgraph)) expect(n).toBeGreaterThan(0);
    }
    expect(figures.statements).toMatchObject({ few: { code: '610581', children: 8 }, many: { code: '610502', children: 27 }, equal: true });
    expect(figures.statements!.few.statements).toBeGreaterThan(0);

    expect(figures.memory!.gateway.rssMb).toBeGreaterThan(0);
    for (const name of ['communities', 'hospitals', 'schools', 'soes']) expect(figures.memory!.subgraphs[name].rssMb).toBeGreaterThan(0);

    expect(figures.write).toMatchObject({ mutation: 'createFreeClinic', created: 3, deleted: 3 });
    expect(figures.write!.timing.p50).toBeGreaterThan(0);
    const { freeClinics } = await ok(stack.gatewayUrl, 'query($id: ID) { freeClinics(first: 100, hospitalId: $id) { edges { node { theme } } } }', { id: figures.write!.hospitalId });
    expect(freeClinics.edges.filter((e: { node: { theme: string | null } }) => e.node.theme === WRITE_MARKER)).toEqual([]);

    expect(figures.skipped).toEqual([expect.stringMatching(/^import/)]);
    expect(formatReport(figures)).toContain('createFreeClinic');
  });
});
