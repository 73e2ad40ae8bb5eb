import { parseArgs } from 'node:util';
import type { Stack } from '@pb/gateway';
import { Client } from 'pg';
import { withBenchStack, writeResult } from './bench-stack.js';
import { processMemory } from './memory.js';

const USAGE = `npm run bench -- export [--rows 1000000] [--verbose]

Generates --rows health-station service records (1,000,000 by default; SYNTHETIC, under
stations named ${'`'}pb-bench-export …${'`'}, straight into the hospitals database), then exports them with
GET /export/stationServiceRecords as NDJSON and as CSV, from the hospitals subgraph directly and
through the gateway, as an ADMIN. Reports rows/s, MiB/s and the peak RSS of the subgraph and of
the bench process (which runs the gateway); the generated rows are deleted afterwards.`;

const ROWS_PER_STATION = 4000; // 1000 days × 4 kinds: one record per station, day and kind

/** Bulk-loads the rows with triggers off (the pre-aggregates are left as they were: cleanup mirrors it). */
async function generate(databaseUrl: string, rows: number, hospitalId: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'pb-bench' });
  await db.connect();
  try {
    await db.query('SET session_replication_role = replica');
    await db.query(
      `INSERT INTO health_station (region_code, name, opened_on, origin, staff_hospital_ids, source)
       SELECT '610581001', 'pb-bench-export ' || s, date '2022-01-01', 'NEW', ARRAY[$2::uuid], 'SYNTHETIC' FROM generate_series(1, $1) s`,
      [Math.ceil(rows / ROWS_PER_STATION), hospitalId],
    );
    await db.query(
      `INSERT INTO station_service_record (region_code, station_id, served_on, kind, services, source)
       SELECT '610581001', s.id, date '2023-01-01' + (i % ${ROWS_PER_STATION}) / 4, (ARRAY['HOME_VISIT','BASIC_CARE','HEALTH_EDUCATION','POLICY_CONSULTATION'])[i % 4 + 1], 1 + i % 37, 'SYNTHETIC'
         FROM generate_series(0, $1 - 1) i
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM health_station WHERE name LIKE 'pb-bench-export %') s ON s.n = i / ${ROWS_PER_STATION}`,
      [rows],
    );
    await db.query('ANALYZE station_service_record');
  } finally {
    await db.end();
  }
}

async function cleanup(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl, application_name: 'pb-bench' });
  await db.connect();
  try {
    await db.query('SET session_replication_role = replica');
    await db.query(`DELETE FROM station_service_record WHERE station_id IN (SELECT id FROM health_station WHERE name LIKE 'pb-bench-export %')`);
    await db.query(`DELETE FROM health_station WHERE name LIKE 'pb-bench-export %'`);
  } finally {
    await db.end();
  }
}

interface Pass {
  path: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: { subgraph: number; bench: number };
}

/** Streams one export to the end, counting lines; samples both processes' RSS meanwhile. */
async function pass(url: string, token: string, subgraphPid: number | undefined): Promise<Omit<Pass, 'path'>> {
  const peak = { subgraph: 0, bench: 0 };
  const sample = () => {
    peak.subgraph = Math.max(peak.subgraph, processMemory(subgraphPid).rssMb ?? 0);
    peak.bench = Math.max(peak.bench, Math.round(process.memoryUsage().rss / 1024 / 1024));
  };
  const sampler = setInterval(sample, 100);
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  const rows = url.includes('format=csv') ? lines - 1 : lines; // CSV: minus the header
  return { rows, bytes, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: peak };
}

export async function exportBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '1000000' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) return void console.log(USAGE);
  const rows = Number(values.rows);
  const log = (line: string) => console.log(line);
  const cleanupRows = (stack: Stack) => cleanup(stack.databases.urls.hospitals);
  await withBenchStack({ log, verbose: values.verbose, cleanup: cleanupRows }, async ({ stack, admin }) => {
    const hospitalsDb = stack.databases.urls.hospitals;
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hospitals(first: 1) { edges { node { id } } } }' }) });
    const hospitalId = ((await res.json()) as { data: { hospitals: { edges: { node: { id: string } }[] } } }).data.hospitals.edges[0].node.id;
    const t = performance.now();
    await generate(hospitalsDb, rows, hospitalId);
    log(`generated ${rows.toLocaleString('en-US')} service records in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const subgraph = stack.subgraphs.hospitals;
    const bases = { direct: new URL('/', subgraph.url).href, gateway: stack.gatewayUrl.replace(/\/graphql$/, '/') };
    const passes: Pass[] = [];
    for (const [via, base] of Object.entries(bases)) {
      for (const format of ['ndjson', 'csv']) {
        const path = `export/stationServiceRecords?format=${format}`;
        const p = { path: `${via} ${path}`, ...(await pass(base + path, admin, subgraph.pid)) };
        passes.push(p);
        log(`${via.padEnd(7)} ${format.padEnd(6)} ${p.rows.toLocaleString('en-US')} rows in ${p.seconds.toFixed(1)} s: ${p.rowsPerSecond.toLocaleString('en-US')} rows/s, ${(p.bytes / 1024 / 1024 / p.seconds).toFixed(1)} MiB/s; peak RSS subgraph ${p.peakRssMb.subgraph} MiB, bench+gateway ${p.peakRssMb.bench} MiB`);
      }
    }
    log(`results: ${writeResult('export', { rows, passes })}`);
  });
}
