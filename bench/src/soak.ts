/**
 * Soak: `npm run bench:soak -- [--clients 50] [--duration 180] [--verbose]`. Starts the stack as
 * `npm start` does (the configured databases, or the embedded cluster in .data/), then runs
 * concurrent clients mixing the anonymous dashboard query, authenticated list pages and writes
 * for the given time, and reports errors (deliberate 429s apart), p50/p95 per kind, and each
 * process's RSS at start and end. Not part of `npm test`.
 */
import { parseArgs } from 'node:util';
import { type Stack, SUBGRAPHS } from '@pb/gateway';
import { mintToken } from '@pb/kit';
import { withBenchStack, writeResult } from './bench-stack.js';
import { dashboardQuery } from './graphql.js';
import { processMemory, selfMemory } from './memory.js';
import { percentile } from './timing.js';

type Kind = 'dashboard' | 'list' | 'write';
const REGIONS = ['61', '6105', '610581', '610581001', '1407', '610724'];
const LISTS = ['hospitals', 'communities', 'schools', 'enterprises', 'freeClinics', 'grids', 'demands'];
const SOAK_THEME = 'pb-soak: to be deleted';

interface Tally {
  latencies: Record<Kind, number[]>;
  rateLimited: number;
  errors: Record<string, number>;
}

async function call(url: string, query: string, variables: Record<string, unknown>, bearer?: string): Promise<{ status: number; body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/** One client: a request after another until the deadline, mostly dashboards, some lists and writes. */
const clinic = (hospital: { id: string; regionCode: string }) => ({
  hospitalId: hospital.id,
  heldOn: '2023-06-15',
  regionCode: hospital.regionCode,
  theme: SOAK_THEME,
  teamSize: 6,
  partyMemberDoctors: 3,
  patients: 40,
  homeVisits: 2,
  followUpPatients: 5,
  referrals: 1,
});

async function client(url: string, deadline: number, tally: Tally, tokens: { viewer: string; editor: string }, hospital: { id: string; regionCode: string }): Promise<void> {
  const dashboard = dashboardQuery();
  while (Date.now() < deadline) {
    const roll = Math.random();
    const kind: Kind = roll < 0.5 ? 'dashboard' : roll < 0.85 ? 'list' : 'write';
    const started = performance.now();
    let res;
    try {
      if (kind === 'dashboard') res = await call(url, dashboard, { code: pick(REGIONS), period: { from: '2023-01-01', to: '2023-12-31' } });
      else if (kind === 'list') res = await call(url, `query($r: String) { ${pick(LISTS)}(first: 20, regionCode: $r) { totalCount edges { node { id regionCode } } } }`, { r: pick(REGIONS) }, tokens.viewer);
      else res = await call(url, 'mutation($i: CreateFreeClinicInput!) { createFreeClinic(input: $i) { id } }', { i: clinic(hospital) }, tokens.editor);
    } catch (err) {
      tally.errors[`transport: ${(err as Error).message}`] = (tally.errors[`transport: ${(err as Error).message}`] ?? 0) + 1;
      continue;
    }
    const ms = performance.now() - started;
    if (res.status === 429) {
      tally.rateLimited++;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    const code = res.status !== 200 ? `HTTP ${res.status}` : res.body.errors?.[0]?.extensions?.code;
    if (code) tally.errors[`${kind}: ${code}`] = (tally.errors[`${kind}: ${code}`] ?? 0) + 1;
    else tally.latencies[kind].push(ms);
  }
}

function memory(stack: Stack) {
  return {
    gatewayAndClients: selfMemory().rssMb,
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, processMemory(stack.subgraphs[s.name].pid).rssMb])),
  } as Record<string, number | null>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '50' }, duration: { type: 'string', default: '180' }, verbose: { type: 'boolean', default: false } } });
  const clients = Number(values.clients);
  const seconds = Number(values.duration);
  await withBenchStack({ log: console.log, verbose: values.verbose, cleanup }, async ({ stack, secret, admin }) => {
    const tokens = {
      viewer: mintToken({ role: 'VIEWER', sectors: [], regions: [], sub: 'soak-viewer' }, secret),
      editor: mintToken({ role: 'EDITOR', sectors: ['hospitals'], regions: ['61'], sub: 'soak-editor' }, secret),
    };
    const found = await call(stack.gatewayUrl, '{ hospitals(first: 1, regionCode: "610581") { edges { node { id regionCode } } } }', {}, admin);
    const hospitalId = found.body.data?.hospitals.edges[0]?.node;
    if (!hospitalId) throw new Error('no hospital in 610581 to write clinics for: load the reference data (npm run seed)');
    // Warm-up, then the baseline memory.
    const warm: Tally = { latencies: { dashboard: [], list: [], write: [] }, rateLimited: 0, errors: {} };
    await Promise.all(Array.from({ length: 5 }, () => client(stack.gatewayUrl, Date.now() + 5_000, warm, tokens, hospitalId)));
    const start = memory(stack);
    const tally: Tally = { latencies: { dashboard: [], list: [], write: [] }, rateLimited: 0, errors: {} };
    console.log(`soak: ${clients} clients for ${seconds} s…`);
    await Promise.all(Array.from({ length: clients }, () => client(stack.gatewayUrl, Date.now() + seconds * 1000, tally, tokens, hospitalId)));
    const end = memory(stack);
    const summary = Object.fromEntries(
      (Object.keys(tally.latencies) as Kind[]).map((k) => [k, { requests: tally.latencies[k].length, p50: percentile(tally.latencies[k], 50), p95: percentile(tally.latencies[k], 95) }]),
    );
    const growth = Object.fromEntries(Object.keys(start).map((k) => [k, start[k] && end[k] ? Math.round(((end[k]! - start[k]!) / start[k]!) * 1000) / 10 : null]));
    const result = { clients, seconds, ok: summary, rateLimited429: tally.rateLimited, errors: tally.errors, rssMb: { start, end }, rssGrowthPercent: growth };
    console.log(JSON.stringify(result, null, 2));
    console.log(`results: ${writeResult('soak', result)}`);
  });
}

/** Deletes the free clinics the soak created (by their theme). */
async function cleanup(stack: Stack): Promise<void> {
  const { Client } = await import('pg');
  const db = new Client({ connectionString: stack.databases.urls.hospitals });
  await db.connect();
  try {
    const res = await db.query('DELETE FROM free_clinic WHERE theme = $1', [SOAK_THEME]);
    console.log(`removed ${res.rowCount} soak clinics`);
  } finally {
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('soak failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
