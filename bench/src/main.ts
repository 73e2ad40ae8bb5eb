import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabases, startStack, type Stack, SUBGRAPHS } from '@pb/gateway';
import { envInt, projectRoot, resolveJwtSecret } from '@pb/kit';
import { Client } from 'pg';
import { datasetStatus, type DatasetStatus, generatorMain, REFERENCE_REGIONS, REFERENCE_STATEMENT_PAIR, runGenerator, type Scale, SCALES, SYNTHETIC_REGIONS, SYNTHETIC_STATEMENT_PAIR } from './dataset.js';
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
  const { secret } = resolveJwtSecret();

  // (1) The dataset: the databases first (embedded PostgreSQL in PB_DATA_DIR, or the configured URLs).
  const databases = await prepareDatabases({ log });
  let stack: Stack | null = null;
  process.once('SIGINT', () => {
    console.error('\ninterrupted: stopping the stack…');
    void (async () => {
      await stack?.stop().catch(() => {});
      if (databases.embedded?.owned) await databases.embedded.stop().catch(() => {});
      process.exit(130);
    })();
  });
  try {
    let dataset: DatasetStatus = await datasetStatus(databases.urls.hospitals, opts.scale);
    log(`dataset: ${dataset.note}`);
    let generated = false;
    if (opts.generate && !dataset.present) {
      log(`no ${opts.scale} dataset: running node ${generatorMain()} --scale ${opts.scale}…`);
      if (await runGenerator(opts.scale, opts.seed)) {
        generated = true;
        dataset = await datasetStatus(databases.urls.hospitals, opts.scale);
        log(`dataset: ${dataset.note}`);
      } else {
        log(`the generator (${generatorMain()}) is missing: measuring the data that is there`);
      }
    }
    const synthetic = (dataset.syntheticHospitals ?? 0) > 0;

    // (2) The stack as `npm start` runs it, on free ports, counting and capturing SQL.
    log('starting the stack…');
    stack = await startStack({
      gatewayPort: envInt('GATEWAY_PORT', 0),
      gatewayHost: process.env.HOST,
      subgraphPorts: 0,
      env: { JWT_SECRET: secret, PB_SQL_STATS: '1', PB_SQL_CAPTURE: '2000' },
      log: opts.verbose ? log : () => {},
    });
    const target: BenchTarget = {
      gatewayUrl: stack.gatewayUrl,
      jwtSecret: secret,
      subgraphs: SUBGRAPHS.map((info) => stack!.subgraphs[info.name]).map((s) => ({ name: s.name, url: s.url, pid: s.pid, databaseUrl: stack!.databases.urls[s.name] })),
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
      dataset: { ...dataset, generated, regions: synthetic && regions === SYNTHETIC_REGIONS ? 'synthetic' : regions === REFERENCE_REGIONS ? 'reference' : 'custom' },
      machine: machine(await postgresVersions(stack.databases.urls)),
      ...figures,
    };
    console.log(`\n${formatReport(figures)}`);
    console.log(`\nmachine: ${result.machine.cpu.count}× ${result.machine.cpu.model}, ${result.machine.totalMemoryMb} MiB, node ${result.machine.node}, ${String(result.machine.postgres).split(',')[0]}`);
    const dir = join(projectRoot(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${opts.scale}-${startedAt.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results: ${file}`);
  } finally {
    await stack?.stop();
    if (databases.embedded?.owned) await databases.embedded.stop();
  }
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
