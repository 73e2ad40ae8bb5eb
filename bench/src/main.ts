import { cpus, release, totalmem, type as osType } from 'node:os';
import { parseArgs } from 'node:util';
import { type StackDatabases, SUBGRAPHS } from '@pb/gateway';
import { Client } from 'pg';
import { datasetStatus, type DatasetStatus, generatorMain, REFERENCE_REGIONS, REFERENCE_STATEMENT_PAIR, runGenerator, type Scale, SCALES, SYNTHETIC_REGIONS, SYNTHETIC_STATEMENT_PAIR } from './dataset.js';
import { withBenchStack, writeResult } from './bench-stack.js';
import { exportBench } from './export-bench.js';
import { importBench } from './import-bench.js';
import { formatReport } from './report.js';
import { type BenchTarget, type Case, CASES, DEFAULT_CASES, describeRegions, runBenchmark } from './run.js';

const USAGE = `npm run bench -- [--scale county|city|province|national] [--runs 30] [--warmup 5]
                   [--no-generate] [--seed N] [--only dashboard,sql,statements,memory,write]
                   [--regions 41,4101,410105,410105015] [--year 2025] [--verbose]`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'national' },
      runs: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      'no-generate': { type: 'boolean', default: false },
      seed: { type: 'string' },
      only: { type: 'string' },
      regions: { type: 'string' },
      year: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
    return n;
  };
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const cases = values.only ? values.only.split(',').map((c) => c.trim()) : [...DEFAULT_CASES];
  const unknown = cases.filter((c) => !(CASES as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`--only: unknown case ${unknown.join(', ')} (cases: ${CASES.join(', ')})`);
  return {
    scale,
    runs: int('runs', values.runs, 1),
    warmup: int('warmup', values.warmup, 0),
    generate: !values['no-generate'],
    seed: values.seed === undefined ? undefined : int('seed', values.seed, 0),
    cases: cases as Case[],
    regions: values.regions?.split(',').map((c) => c.trim()),
    year: values.year === undefined ? undefined : int('year', values.year, 1949),
    verbose: values.verbose,
  };
}

async function postgresVersions(urls: Record<string, string>): Promise<string[]> {
  const versions = await Promise.all(
    Object.values(urls).map(async (url) => {
      const client = new Client({ connectionString: url, application_name: 'pb-bench' });
      await client.connect();
      try {
        return String((await client.query('SELECT version() AS v')).rows[0].v);
      } finally {
        await client.end();
      }
    }),
  );
  return [...new Set(versions)];
}

function machine(postgres: string[]) {
  const cpu = cpus();
  return {
    os: `${osType()} ${release()}`,
    cpu: { model: cpu[0]?.model ?? 'unknown', count: cpu.length },
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    postgres: postgres.length === 1 ? postgres[0] : postgres,
  };
}

async function main(): Promise<void> {
  const opts = options();
  const log = (line: string) => console.log(line);
  const startedAt = new Date();
  let dataset: DatasetStatus | null = null;
  let generated = false;
  // (1) The dataset, before the stack starts: generated when missing (and allowed).
  const prepareDataset = async (databases: StackDatabases) => {
    dataset = await datasetStatus(databases.urls.hospitals, opts.scale);
    log(`dataset: ${dataset.note}`);
    if (!opts.generate || dataset.present) return;
    log(`no ${opts.scale} dataset: running node ${generatorMain()} --scale ${opts.scale}…`);
    if (!(await runGenerator(opts.scale, opts.seed))) return log(`the generator (${generatorMain()}) is missing: measuring the data that is there`);
    generated = true;
    dataset = await datasetStatus(databases.urls.hospitals, opts.scale);
    log(`dataset: ${dataset.note}`);
  };
  // (2) The stack as `npm start` runs it, on free ports, counting and capturing SQL; no rate limit
  // (the benchmark measures latency back to back; the soak exercises the limiter).
  const env = { PB_SQL_STATS: '1', PB_SQL_CAPTURE: '2000', PB_ANON_RATE_PER_SEC: '0' };
  await withBenchStack({ log, verbose: opts.verbose, env, beforeStart: prepareDataset }, async ({ stack, secret }) => {
    const found = dataset! as DatasetStatus;
    const synthetic = (found.syntheticHospitals ?? 0) > 0;
    const target: BenchTarget = {
      gatewayUrl: stack.gatewayUrl,
      jwtSecret: secret,
      subgraphs: SUBGRAPHS.map((info) => stack.subgraphs[info.name]).map((s) => ({ name: s.name, url: s.url, pid: s.pid, databaseUrl: stack.databases.urls[s.name] })),
    };
    let regions = opts.regions ?? (synthetic ? SYNTHETIC_REGIONS : REFERENCE_REGIONS);
    if (!opts.regions && synthetic) {
      await describeRegions(target.gatewayUrl, regions).catch((err: Error) => {
        log(`${err.message}: using the reference regions`);
        regions = REFERENCE_REGIONS;
      });
    }
    const year = opts.year ?? (synthetic ? 2025 : 2023);
    log(`measuring ${regions.join(', ')} for ${year}: ${opts.runs} runs after ${opts.warmup} warm-up…`);

    // (3) Measure.
    const figures = await runBenchmark(target, {
      runs: opts.runs,
      warmup: opts.warmup,
      regions,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      cases: opts.cases,
      statementPair: regions === SYNTHETIC_REGIONS ? SYNTHETIC_STATEMENT_PAIR : REFERENCE_STATEMENT_PAIR,
      log,
    });
    const result = {
      scale: opts.scale,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      dataset: { ...found, generated, regions: synthetic && regions === SYNTHETIC_REGIONS ? 'synthetic' : regions === REFERENCE_REGIONS ? 'reference' : 'custom' },
      machine: machine(await postgresVersions(stack.databases.urls)),
      ...figures,
    };
    console.log(`\n${formatReport(figures)}`);
    console.log(`\nmachine: ${result.machine.cpu.count}× ${result.machine.cpu.model}, ${result.machine.totalMemoryMb} MiB, node ${result.machine.node}, ${String(result.machine.postgres).split(',')[0]}`);
    console.log(`results: ${writeResult(opts.scale, result, startedAt)}`);
  });
}

// `npm run bench -- import` / `-- export`: the ledger import and bulk export benchmarks (their own options).
const own: Record<string, (argv: string[]) => Promise<void>> = { import: importBench, export: exportBench };
(own[process.argv[2]] ? own[process.argv[2]](process.argv.slice(3)) : main()).then(
  () => process.exit(0),
  (err) => {
    console.error('bench failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
