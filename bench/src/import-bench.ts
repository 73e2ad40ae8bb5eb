import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { withBenchStack, writeResult } from './bench-stack.js';
import { processMemory } from './memory.js';
import { WRITE_MARKER } from './run.js';

const USAGE = `npm run bench -- import [--rows 100000] [--verbose]

Writes an XLSX ledger of free clinics (--rows rows, 100,000 by default) and imports it through
the gateway's POST /import/FreeClinic as an ADMIN: once (every row created), then again (every
row unchanged, by its 台账编号). Reports the time of each, rows/s, the file size and the hospitals
subgraph's peak memory; the clinics are deleted afterwards.`;

/** A free-clinic ledger of `rows` rows, written with exceljs's streaming writer. */
async function writeLedger(file: string, rows: number, hospitalId: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('义诊台账');
  sheet.addRow(['台账编号', '主办医院', '义诊日期', '行政区划代码', '主题', '地点', '服务群众', '医疗队人数', '党员医生']).commit();
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 366) * 86_400_000).toISOString().slice(0, 10);
    sheet.addRow([`pb-bench-${i}`, hospitalId, day, '610581', WRITE_MARKER, `村委会 ${i % 97}`, 20 + (i % 50), 5 + (i % 4), i % 5]).commit();
  }
  sheet.commit();
  await wb.commit();
}

interface Pass {
  ms: number;
  status: number;
  summary: Record<string, unknown>;
}

function post(url: string, data: Buffer, token: string): Promise<Pass> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': data.length, authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const summary = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, summary });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function cleanup(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'pb-bench' });
  await client.connect();
  try {
    await client.query(`DELETE FROM free_clinic WHERE theme = $1 AND source = 'USER'`, [WRITE_MARKER]);
    await client.query(`DELETE FROM ledger_entry WHERE record_type = 'FreeClinic' AND external_id LIKE 'pb-bench-%'`);
  } finally {
    await client.end();
  }
}

export async function importBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '100000' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) return void console.log(USAGE);
  const rows = Number(values.rows);
  const log = (line: string) => console.log(line);
  const dir = join(tmpdir(), `pb-bench-import-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    await withBenchStack({ log, verbose: values.verbose, cleanup: (stack) => cleanup(stack.databases.urls.hospitals) }, async ({ stack, admin }) => {
      const base = stack.gatewayUrl.replace(/\/graphql$/, '');
      const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hospitals(regionCode: "610581", first: 1) { edges { node { id } } } }' }) });
      const hospitalId = ((await res.json()) as { data: { hospitals: { edges: { node: { id: string } }[] } } }).data.hospitals.edges[0].node.id;
      const file = join(dir, 'ledger.xlsx');
      let t = performance.now();
      await writeLedger(file, rows, hospitalId);
      const data = readFileSync(file);
      log(`wrote a ${rows.toLocaleString('en-US')}-row ledger (${(data.length / 1024 / 1024).toFixed(1)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const pid = stack.subgraphs.hospitals.pid;
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, processMemory(pid).rssMb ?? 0)), 250);
      const passes: Record<string, Pass> = {};
      try {
        for (const name of ['first import (creates)', 'same file again (unchanged)']) {
          t = performance.now();
          passes[name] = await post(`${base}/import/FreeClinic`, data, admin);
          const { errors: _e, ...summary } = passes[name].summary as { errors?: unknown };
          log(`${name}: ${(passes[name].ms / 1000).toFixed(1)} s, ${Math.round(rows / (passes[name].ms / 1000)).toLocaleString('en-US')} rows/s, HTTP ${passes[name].status} ${JSON.stringify(summary)}`);
        }
      } finally {
        clearInterval(sampler);
      }
      const memory = processMemory(pid);
      log(`hospitals subgraph RSS: peak sampled ${peak} MiB, VmHWM ${memory.peakRssMb} MiB, now ${memory.rssMb} MiB`);
      log(`results: ${writeResult('import', { rows, fileBytes: data.length, passes, memory: { peakSampledMb: peak, ...memory } })}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
