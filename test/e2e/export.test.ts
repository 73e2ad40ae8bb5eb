import { readFileSync } from 'node:fs';
import type { Stack } from '@pb/gateway';
import { Client } from 'pg';
import { ok, startTestStack, token } from '../support/harness';

/**
 * Bulk export over HTTP through the gateway: routed to the owning subgraph, streamed from a
 * database cursor (the subgraph's memory stays flat over 100k rows), the list's filters, masking as
 * in GraphQL, CSV with a BOM, and 400s with a JSON error for bad input.
 */
const ROWS = 100_000;
const admin = token({ role: 'ADMIN', sub: 'exporter' });

// 0 once the process is gone (the sampler must never throw from its timer).
const rssKiB = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

describe('bulk export', () => {
  let stack: Stack;
  const get = (path: string, bearer?: string) => fetch(new URL(path, stack.gatewayUrl), { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  beforeAll(async () => {
    stack = await startTestStack({ seed: false });
    const db = new Client({ connectionString: stack.databases.urls.hospitals });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO hospital (region_code, name, grade, kind, is_public, secretary_president_separated, party_organization, source)
         SELECT CASE WHEN g % 2 = 0 THEN '610581' ELSE '140702' END, '导出医院' || g, 'PRIMARY', 'GENERAL', g % 3 = 0, true, 'PARTY_COMMITTEE', 'SYNTHETIC'
           FROM generate_series(1, $1) g`,
        [ROWS],
      );
    } finally {
      await db.end();
    }
  }, 180_000);
  afterAll(() => stack?.stop());

  test(`streams ${ROWS} rows as NDJSON with bounded memory`, async () => {
    const pid = stack.subgraphs.hospitals.pid!;
    const before = rssKiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
    const started = Date.now();
    let lines = 0;
    let first: Record<string, unknown> | null = null;
    try {
      const res = await get('/export/hospitals');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
      let tail = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const text = tail + decoder.decode(chunk, { stream: true });
        const parts = text.split('\n');
        tail = parts.pop()!;
        if (!first && parts.length) first = JSON.parse(parts[0]);
        lines += parts.length;
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(lines).toBe(ROWS);
    expect(first).toMatchObject({ name: expect.stringMatching(/^导出医院/), grade: 'PRIMARY', isPublic: expect.any(Boolean), source: 'SYNTHETIC' });
    // A buffered export of 100k rows would hold them all (well over 100 MiB of objects and text).
    const growthMiB = (peak - before) / 1024;
    console.log(`export: ${ROWS} rows in ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds)} rows/s), subgraph RSS +${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(60);
  }, 120_000);

  test('filters, CSV with a BOM, deleted records, masking as in GraphQL', async () => {
    const community = (await ok(stack.gatewayUrl, `mutation { createCommunity(input: { name: "导出社区", regionCode: "610581001001", partyOrganization: BRANCH, partyMembers: 10 }) { id } }`, undefined, admin)).createCommunity;
    const grid = (await ok(stack.gatewayUrl, `mutation($c: ID!) { createGrid(input: { communityId: $c, number: 1, name: "一网格", leaderName: "王小明", leaderPhone: "13812345678", workers: 2 }) { id } }`, { c: community.id }, admin)).createGrid;
    const bytes = Buffer.from(await (await get('/export/grids?format=csv&regionCode=610581')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['id', 'regionCode', 'leaderName', 'leaderPhone']));
    expect(row).toContain('王**');
    expect(row).toContain('138****5678');
    expect(row).not.toContain('王小明');
    const clear = await (await get('/export/grids?format=csv', admin)).text();
    expect(clear).toContain('王小明');

    const live = await (await get('/export/hospitals?regionCode=140702&format=ndjson')).text();
    expect(live.trim().split('\n')).toHaveLength(ROWS / 2);
    const since = (await (await get(`/export/hospitals?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).text()).trim();
    expect(since).toBe('');

    await ok(stack.gatewayUrl, `mutation($id: ID!) { deleteGrid(id: $id) }`, { id: grid.id }, admin);
    expect((await (await get('/export/grids')).text()).trim()).toBe('');
    const withDeleted = (await (await get('/export/grids?includeDeleted=true')).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(withDeleted).toEqual([expect.objectContaining({ id: grid.id, deletedBy: 'exporter (ADMIN)', deletedAt: expect.any(String) })]);
  });

  test('bad input is a 400 with a JSON error naming what is wrong', async () => {
    const cases: [string, string][] = [
      ['/export/nosuchthings', 'type'],
      ['/export/hospitals?format=xlsx', 'format'],
      ['/export/hospitals?regionCode=99', 'regionCode'],
      ['/export/hospitals?updatedSince=yesterday', 'updatedSince'],
      ['/export/hospitals?colour=red', 'colour'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
    }
    const types = (await (await get('/export')).json()) as { types: string[] };
    expect(types.types).toEqual(expect.arrayContaining(['hospitals', 'grids', 'dualRegistrations', 'schools', 'enterprises']));
  });
});
