import { mintToken, SECTOR_NAMES } from '@pb/kit';
import { dashboardQuery, gql } from './graphql.js';
import { processMemory, type ProcessMemory, selfMemory } from './memory.js';
import { captureStatements, type CapturedStatement, SqlReplayer, type SubgraphTarget } from './sql.js';
import { measure, type Timing } from './timing.js';

/** What `--only` can pick; `import` is reserved for a later bulk-import benchmark. */
export const CASES = ['dashboard', 'sql', 'statements', 'memory', 'write', 'import'] as const;
export type Case = (typeof CASES)[number];
export const DEFAULT_CASES: readonly Case[] = ['dashboard', 'sql', 'statements', 'memory', 'write'];

/** A running supergraph to measure. */
export interface BenchTarget {
  gatewayUrl: string;
  subgraphs: SubgraphTarget[];
  /** HS256 secret the subgraphs verify tokens with (to mint an ADMIN token for the write). */
  jwtSecret: string;
}

export interface Period {
  from: string;
  to: string;
}

export interface BenchOptions {
  runs: number;
  warmup: number;
  /** Region codes from the widest to the narrowest, e.g. province, city, county, township. */
  regions: string[];
  period: Period;
  cases: readonly Case[];
  /**
   * Two regions of the same level, one with about 10 children and one with 20+, whose
   * statement counts must be equal (regions of different levels may differ: village children
   * read rows, the others pre-aggregates).
   */
  statementPair?: [string, string];
  log?: (line: string) => void;
}

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  children: number;
}

export interface StatementCount {
  total: number;
  bySubgraph: Record<string, number>;
}

export interface DashboardFigures {
  region: RegionInfo;
  gateway?: Timing;
  directSql?: Timing;
  /** gateway p50 ÷ direct-SQL p50. */
  ratio?: number;
  statements?: StatementCount;
}

export interface StatementCheck {
  few: { code: string; children: number; statements: number };
  many: { code: string; children: number; statements: number };
  equal: boolean;
}

export interface WriteFigures {
  mutation: 'createFreeClinic';
  hospitalId: string;
  timing: Timing;
  created: number;
  deleted: number;
}

export interface BenchFigures {
  period: Period;
  runs: number;
  warmup: number;
  cases: Case[];
  dashboard: DashboardFigures[];
  statements?: StatementCheck;
  memory?: { gateway: ProcessMemory; subgraphs: Record<string, ProcessMemory> };
  write?: WriteFigures;
  skipped: string[];
}

const REGION_QUERY = `query BenchRegion($code: ID!) { region(code: $code) { code name level children { code } } }`;

/** The regions as the gateway knows them; throws naming the codes that do not exist. */
export async function describeRegions(gatewayUrl: string, codes: readonly string[]): Promise<RegionInfo[]> {
  const found = await Promise.all(
    codes.map(async (code) => {
      const { region } = await gql<{ region: { code: string; name: string; level: string; children: { code: string }[] } | null }>(gatewayUrl, REGION_QUERY, { code });
      return region ? { code: region.code, name: region.name, level: region.level, children: region.children.length } : null;
    }),
  );
  const missing = codes.filter((_, i) => !found[i]);
  if (missing.length) throw new Error(`region codes not in the region table: ${missing.join(', ')}`);
  return found as RegionInfo[];
}

const count = (captured: Record<string, CapturedStatement[]>): StatementCount => {
  const bySubgraph = Object.fromEntries(Object.entries(captured).map(([name, list]) => [name, list.length]));
  return { total: Object.values(bySubgraph).reduce((a, b) => a + b, 0), bySubgraph };
};

/**
 * The dashboard query of docs/dashboard.md for one region: through the gateway, then (after
 * capturing the SQL one warm request runs) the same statements replayed straight on the databases.
 */
export async function benchDashboard(target: BenchTarget, region: RegionInfo, opts: BenchOptions, replayer: SqlReplayer | null): Promise<DashboardFigures> {
  const query = dashboardQuery();
  const variables = { code: region.code, period: opts.period };
  const request = () => gql(target.gatewayUrl, query, variables);
  const cases = new Set(opts.cases);
  const figures: DashboardFigures = { region };
  if (cases.has('dashboard')) figures.gateway = await measure(opts.runs, opts.warmup, request);
  else await request(); // warm the per-process caches before capturing
  if (cases.has('sql') || cases.has('statements')) {
    const captured = await captureStatements(target.subgraphs, request);
    figures.statements = count(captured);
    if (cases.has('sql') && replayer) {
      figures.directSql = await measure(opts.runs, opts.warmup, () => replayer.replay(captured));
      if (figures.gateway) figures.ratio = Math.round((figures.gateway.p50 / figures.directSql.p50) * 100) / 100;
    }
  }
  return figures;
}

/** Statements one warm dashboard request for `region` costs, summed over the subgraphs. */
async function dashboardStatements(target: BenchTarget, region: RegionInfo, opts: BenchOptions) {
  const request = () => gql(target.gatewayUrl, dashboardQuery(), { code: region.code, period: opts.period });
  await request();
  const total = count(await captureStatements(target.subgraphs, request)).total;
  return { code: region.code, children: region.children, statements: total };
}

/** Statements per request for the pair of same-level regions with few and many children. */
export async function statementCheck(target: BenchTarget, opts: BenchOptions): Promise<StatementCheck | undefined> {
  if (!opts.statementPair) return undefined;
  const [fewRegion, manyRegion] = await describeRegions(target.gatewayUrl, opts.statementPair);
  const few = await dashboardStatements(target, fewRegion, opts);
  const many = await dashboardStatements(target, manyRegion, opts);
  return { few, many, equal: few.statements === many.statements };
}

/** Marks the free clinics the benchmark writes, so they can be found and removed whatever happens. */
export const WRITE_MARKER = 'pb-bench: to be deleted';

const HOSPITAL_QUERY = `query BenchHospital($code: String) { hospitals(regionCode: $code, first: 1) { edges { node { id regionCode } } } }`;
const CREATE = `mutation BenchCreate($input: CreateFreeClinicInput!) { createFreeClinic(input: $input) { id } }`;
const DELETE = `mutation BenchDelete($id: ID!) { deleteFreeClinic(id: $id) }`;

/**
 * p50/p95 of one `createFreeClinic` through the gateway (ADMIN token), on a hospital of the
 * dataset in one of `regions` (narrowest first); then deletes every clinic it created.
 */
export async function benchWrite(target: BenchTarget, opts: BenchOptions, replayer: SqlReplayer | null): Promise<WriteFigures> {
  let hospital: { id: string; regionCode: string } | undefined;
  for (const code of [...opts.regions].reverse().concat([''])) {
    const data = await gql(target.gatewayUrl, HOSPITAL_QUERY, { code: code || null });
    hospital = data.hospitals.edges[0]?.node;
    if (hospital) break;
  }
  if (!hospital) throw new Error('no hospital in the dataset to write a free clinic for');
  const token = mintToken({ role: 'ADMIN', sectors: [...SECTOR_NAMES], regions: [] }, target.jwtSecret, '1h');
  const input = {
    hospitalId: hospital.id,
    heldOn: opts.period.from.replace(/-01-01$/, '-06-15'),
    regionCode: hospital.regionCode,
    theme: WRITE_MARKER,
    teamSize: 6,
    partyMemberDoctors: 3,
    patients: 40,
    homeVisits: 2,
    followUpPatients: 5,
    referrals: 1,
  };
  const ids: string[] = [];
  let deleted = 0;
  try {
    const timing = await measure(opts.runs, opts.warmup, async () => {
      const data = await gql(target.gatewayUrl, CREATE, { input }, token);
      ids.push(data.createFreeClinic.id);
    });
    for (const id of ids) {
      await gql(target.gatewayUrl, DELETE, { id }, token);
      deleted += 1;
    }
    return { mutation: 'createFreeClinic', hospitalId: hospital.id, timing, created: ids.length, deleted };
  } finally {
    // Whatever was left behind (an error, an earlier interrupted run): user records with the marker.
    if (replayer) await replayer.pool('hospitals').query(`DELETE FROM free_clinic WHERE theme = $1 AND source = 'USER'`, [WRITE_MARKER]);
  }
}

/** Every chosen case on a running stack. The stack must run with PB_SQL_STATS=1 (and PB_SQL_CAPTURE for `sql`). */
export async function runBenchmark(target: BenchTarget, opts: BenchOptions): Promise<BenchFigures> {
  const log = opts.log ?? (() => {});
  const cases = new Set(opts.cases);
  const skipped: string[] = [];
  if (cases.has('import')) skipped.push('import: run `npm run bench -- import` (its own benchmark)');
  const replayer = new SqlReplayer(target.subgraphs);
  try {
    const regions = await describeRegions(target.gatewayUrl, opts.regions);
    const dashboard: DashboardFigures[] = [];
    if (cases.has('dashboard') || cases.has('sql') || cases.has('statements')) {
      for (const region of regions) {
        log(`dashboard ${region.level} ${region.code} ${region.name} (${region.children} children)…`);
        dashboard.push(await benchDashboard(target, region, opts, replayer));
      }
    }
    const figures: BenchFigures = { period: opts.period, runs: opts.runs, warmup: opts.warmup, cases: [...cases], dashboard, skipped };
    if (cases.has('statements')) figures.statements = await statementCheck(target, opts);
    if (cases.has('memory')) {
      figures.memory = {
        gateway: selfMemory(),
        subgraphs: Object.fromEntries(target.subgraphs.map((s) => [s.name, processMemory(s.pid)])),
      };
    }
    if (cases.has('write')) {
      log('write: createFreeClinic…');
      figures.write = await benchWrite(target, opts, replayer);
    }
    return figures;
  } finally {
    await replayer.close();
  }
}
