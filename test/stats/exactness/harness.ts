/**
 * Property-based exactness of the pre-aggregated statistics: random writes on a sector's tables
 * (the database triggers are the aggregates' write path), then every figure and trend read from
 * the pre-aggregates must equal the reference computation from the records (`raw: true`), and a
 * rebuild must leave the aggregates unchanged. Generic: a sector is a table of record generators
 * (`SectorSpec`), see the other files of this folder.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import {
  aggregatesDigest,
  computeTrends,
  ensureDatabase,
  LoaderCache,
  openSubgraphDatabase,
  type Period,
  rebuildStats,
  type RequestContext,
  type SubgraphDefinition,
  TrendGranularity,
  type TrendSource,
} from '@pb/kit';

// ---------------------------------------------------------------------------------------------
// Dates and periods: a few years, with month and year boundaries over-represented.

const FIRST_YEAR = 2021;
const LAST_YEAR = 2024;
const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const START = Date.UTC(FIRST_YEAR, 0, 1);
const DAYS = Math.round((Date.UTC(LAST_YEAR, 11, 31) - START) / DAY);
export const addDays = (d: string, n: number): string => iso(Date.parse(`${d}T00:00:00Z`) + n * DAY);

const year = fc.integer({ min: FIRST_YEAR, max: LAST_YEAR });
const month = fc.integer({ min: 1, max: 12 });
const monthStart = (y: number, m: number): string => `${y}-${String(m).padStart(2, '0')}-01`;
const monthEnd = (y: number, m: number): string => iso(Date.UTC(y, m, 1) - DAY);

/** A day in FIRST_YEAR…LAST_YEAR: any day, or the first or last day of a month. */
export const day: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: DAYS }).map((n) => iso(START + n * DAY)) },
  { weight: 1, arbitrary: fc.tuple(year, month).map(([y, m]) => monthStart(y, m)) },
  { weight: 1, arbitrary: fc.tuple(year, month).map(([y, m]) => monthEnd(y, m)) },
);

/** A day, or null (an undated step / "since always") one time in `oneIn`. */
export const dayOrNull = (oneIn = 3): fc.Arbitrary<string | null> => fc.option(day, { freq: oneIn - 1 });

/** A day `0…maxDays` after another (a completion after its start). */
export const dayAfter = (d: string, maxDays = 400): fc.Arbitrary<string> => fc.integer({ min: 0, max: maxDays }).map((n) => addDays(d, n));

/** Periods of every shape: open ends, single days, month- and year-aligned, unaligned, multi-year. */
export const period: fc.Arbitrary<Period> = fc.oneof(
  fc.constant({ from: null, to: null }),
  fc.record({ from: fc.constant(null), to: day }),
  fc.record({ from: day, to: fc.constant(null) }),
  day.map((d) => ({ from: d, to: d })),
  fc.tuple(year, month).map(([y, m]) => ({ from: monthStart(y, m), to: monthEnd(y, m) })),
  fc.tuple(year, month, month).map(([y, a, b]) => ({ from: monthStart(y, Math.min(a, b)), to: monthEnd(y, Math.max(a, b)) })),
  year.map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` })),
  fc.tuple(year, year).map(([a, b]) => ({ from: `${Math.min(a, b)}-01-01`, to: `${Math.max(a, b)}-12-31` })),
  fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
);

// ---------------------------------------------------------------------------------------------
// Sectors: tables, their generated rows, the stats and trends to compare.

export type Values = Record<string, unknown>;

export interface TableSpec {
  table: string;
  /** Required foreign keys: column → parent table (a row is skipped while the parent table is empty). */
  parents?: Record<string, string>;
  /** Nullable foreign keys: column → parent table (null one time in three). */
  optionalParents?: Record<string, string>;
  /** The other columns: everything NOT NULL, and every column the stats read. */
  row: fc.Arbitrary<Values>;
  /** How often the table is written, relative to the others (default 1). */
  weight?: number;
}

export interface SectorSpec {
  name: string;
  definition: () => SubgraphDefinition;
  tables: TableSpec[];
  /** `compute<Sector>Stats`. */
  stats: (ctx: RequestContext, codes: readonly string[], period: Period, opts?: { raw?: boolean }) => Promise<Map<string, unknown>>;
  /** The sector's trend metrics (a source with `metric` is read from the aggregates). */
  trends: Record<string, TrendSource>;
}

// ---------------------------------------------------------------------------------------------
// Operations.

/** A row to insert: values, parent picks (index into the parent's rows, modulo) and a region (index into the pool). */
export interface NewRow {
  values: Values;
  fk: Record<string, number | null>;
  region: number;
}

export type Op =
  | { kind: 'insert'; table: string; rows: NewRow[] }
  | { kind: 'update'; table: string; pick: number; set: Values; fk: Record<string, number | null> }
  | { kind: 'move'; table: string; pick: number; region: number }
  | { kind: 'delete'; table: string; pick: number }
  | { kind: 'updateMany'; table: string; within: number; set: Values }
  | { kind: 'moveMany'; table: string; within: number; region: number }
  | { kind: 'deleteMany'; table: string; within: number }
  | { kind: 'transaction'; ops: Op[]; rollback: boolean };

const pick = fc.nat({ max: 1000 });

function fkArb(t: TableSpec): fc.Arbitrary<Record<string, number | null>> {
  const req = Object.fromEntries(Object.keys(t.parents ?? {}).map((c) => [c, pick as fc.Arbitrary<number | null>]));
  const opt = Object.fromEntries(Object.keys(t.optionalParents ?? {}).map((c) => [c, fc.option(pick, { freq: 2 })]));
  return fc.record({ ...req, ...opt });
}

/** Some of a generated row's columns (and parents): what an edit changes. */
function partial(t: TableSpec): fc.Arbitrary<{ set: Values; fk: Record<string, number | null> }> {
  return fc.tuple(t.row, fkArb(t), fc.integer({ min: 0, max: 2 ** 30 })).map(([row, fk, mask]) => {
    const cols = [...Object.keys(row), ...Object.keys(fk)];
    const bits = mask % 2 ** cols.length || 1;
    const set: Values = {};
    const fks: Record<string, number | null> = {};
    cols.forEach((c, i) => {
      if (!((bits >> i) & 1)) return;
      if (c in row) set[c] = row[c];
      else fks[c] = fk[c];
    });
    return { set, fk: fks };
  });
}

function insertArbitrary(t: TableSpec, regions: number): fc.Arbitrary<Op> {
  return fc.record({
    kind: fc.constant('insert' as const),
    table: fc.constant(t.table),
    rows: fc.array(fc.record({ values: t.row, fk: fkArb(t), region: fc.nat({ max: regions - 1 }) }), { minLength: 1, maxLength: 4 }),
  });
}

/**
 * A run's writes: first an insert into every table in declaration order (parents before
 * children, so later writes find rows to refer to), then random operations on the tables the
 * run focuses on (one table, so that its rows pile up and their figures collide; or a few).
 */
export function opsArbitrary(sector: SectorSpec, focus: readonly TableSpec[] | 'mixed', regions: number, prefixes: number, maxOps: number): fc.Arbitrary<Op[]> {
  const warmUp = fc.tuple(...sector.tables.map((t) => insertArbitrary(t, regions)));
  const tables = focus === 'mixed' ? fc.shuffledSubarray(sector.tables, { minLength: 2, maxLength: 4 }) : fc.constant(focus);
  const focused = tables.chain((ts) => fc.array(opArbitrary(ts, regions, prefixes), { minLength: Math.min(10, maxOps), maxLength: maxOps, size: 'max' }));
  return fc.tuple(warmUp, focused).map(([w, ops]) => [...w, ...ops]);
}

export function opArbitrary(tables: readonly TableSpec[], regions: number, prefixes: number): fc.Arbitrary<Op> {
  const region = fc.nat({ max: regions - 1 });
  const within = fc.nat({ max: prefixes - 1 });
  const per = (make: (t: TableSpec) => fc.Arbitrary<Op>) => fc.oneof(...tables.map((t) => ({ weight: t.weight ?? 1, arbitrary: make(t) })));
  const insert = per((t) => insertArbitrary(t, regions));
  const update = per((t) => fc.tuple(pick, partial(t)).map(([p, { set, fk }]) => ({ kind: 'update' as const, table: t.table, pick: p, set, fk })));
  const move = per((t) => fc.record({ kind: fc.constant('move' as const), table: fc.constant(t.table), pick, region }));
  const del = per((t) => fc.record({ kind: fc.constant('delete' as const), table: fc.constant(t.table), pick }));
  const updateMany = per((t) => fc.tuple(within, partial(t)).map(([w, { set }]) => ({ kind: 'updateMany' as const, table: t.table, within: w, set })));
  const moveMany = per((t) => fc.record({ kind: fc.constant('moveMany' as const), table: fc.constant(t.table), within, region }));
  const deleteMany = per((t) => fc.record({ kind: fc.constant('deleteMany' as const), table: fc.constant(t.table), within }));
  const simple = fc.oneof(
    { weight: 12, arbitrary: insert as fc.Arbitrary<Op> },
    { weight: 4, arbitrary: update },
    { weight: 3, arbitrary: move },
    { weight: 2, arbitrary: del },
    { weight: 1, arbitrary: updateMany },
    { weight: 1, arbitrary: moveMany },
    { weight: 1, arbitrary: deleteMany },
  );
  return fc.oneof(
    { weight: 8, arbitrary: simple },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('transaction' as const), ops: fc.array(simple, { minLength: 2, maxLength: 4 }), rollback: fc.boolean() }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Applying operations with SQL through the subgraph's DataSource.

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The `k`-th row of a table (modulo its size), in a stable order; null when empty. */
const nth = (table: string, param: string): string =>
  `(SELECT id FROM ${ident(table)} ORDER BY id OFFSET (${param}::int % greatest((SELECT count(*) FROM ${ident(table)})::int, 1)) LIMIT 1)`;

const inside = (param: string): string => `(region_code >= ${param}::text AND region_code < ${param}::text || ':')`;

class Rollback extends Error {}

export class Applier {
  /** Stable ids (so a seed replays the same rows, and picks by id order are reproducible). */
  private next = 0;
  applied = 0;
  skipped = 0;

  constructor(
    private readonly sector: SectorSpec,
    private readonly regions: readonly string[],
    private readonly prefixes: readonly string[],
  ) {}

  reset(): void {
    this.next = 0;
  }

  private id(): string {
    this.next += 1;
    return `00000000-0000-4000-8000-${this.next.toString(16).padStart(12, '0')}`;
  }

  private spec(table: string): TableSpec {
    return this.sector.tables.find((t) => t.table === table)!;
  }

  private parentOf(t: TableSpec, col: string): string {
    return (t.parents ?? {})[col] ?? (t.optionalParents ?? {})[col];
  }

  /** SET list and params of an edit (parents re-picked by index). */
  private assignments(t: TableSpec, set: Values, fk: Record<string, number | null>, params: unknown[]): string[] {
    const out: string[] = [];
    for (const [c, v] of Object.entries(set)) {
      params.push(v);
      out.push(`${ident(c)} = $${params.length}`);
    }
    for (const [c, k] of Object.entries(fk)) {
      if (k === null) out.push(`${ident(c)} = NULL`);
      else {
        params.push(k);
        out.push(`${ident(c)} = ${nth(this.parentOf(t, c), `$${params.length}`)}`);
      }
    }
    return out;
  }

  private async one(em: EntityManager, op: Exclude<Op, { kind: 'transaction' }>): Promise<void> {
    const t = this.spec(op.table);
    const tbl = ident(op.table);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    switch (op.kind) {
      case 'insert': {
        const cols = ['id', 'region_code', ...Object.keys(op.rows[0].values), ...Object.keys(op.rows[0].fk)];
        const tuples = op.rows.map((r) => {
          const vals = [p(this.id()), p(this.regions[r.region % this.regions.length])];
          for (const c of Object.keys(op.rows[0].values)) vals.push(p(r.values[c]));
          for (const c of Object.keys(op.rows[0].fk)) vals.push(r.fk[c] === null ? 'NULL' : nth(this.parentOf(t, c), p(r.fk[c])));
          return `(${vals.join(', ')})`;
        });
        await em.query(`INSERT INTO ${tbl} (${cols.map(ident).join(', ')}) VALUES ${tuples.join(', ')}`, params);
        return;
      }
      case 'update': {
        const sets = this.assignments(t, op.set, op.fk, params);
        if (sets.length) await em.query(`UPDATE ${tbl} SET ${sets.join(', ')}, updated_at = now() WHERE id = ${nth(op.table, p(op.pick))}`, params);
        return;
      }
      case 'move':
        await em.query(`UPDATE ${tbl} SET region_code = ${p(this.regions[op.region])} WHERE id = ${nth(op.table, p(op.pick))}`, params);
        return;
      case 'delete':
        await em.query(`DELETE FROM ${tbl} WHERE id = ${nth(op.table, p(op.pick))}`, params);
        return;
      case 'updateMany': {
        const sets = this.assignments(t, op.set, {}, params);
        if (sets.length) await em.query(`UPDATE ${tbl} SET ${sets.join(', ')} WHERE ${inside(p(this.prefixes[op.within]))}`, params);
        return;
      }
      case 'moveMany':
        await em.query(`UPDATE ${tbl} SET region_code = ${p(this.regions[op.region])} WHERE ${inside(p(this.prefixes[op.within]))}`, params);
        return;
      case 'deleteMany':
        await em.query(`DELETE FROM ${tbl} WHERE ${inside(p(this.prefixes[op.within]))}`, params);
        return;
    }
  }

  /** One operation in its own transaction; a write the schema refuses (class 23: NOT NULL, CHECK, FK…) is skipped whole. */
  async apply(db: DataSource, op: Op): Promise<void> {
    try {
      await db.transaction(async (em) => {
        if (op.kind === 'transaction') {
          for (const o of op.ops) await this.one(em, o as Exclude<Op, { kind: 'transaction' }>);
          if (op.rollback) throw new Rollback();
        } else {
          await this.one(em, op);
        }
      });
      this.applied += 1;
    } catch (err) {
      if (err instanceof Rollback) return;
      const code = (err as { code?: string }).code ?? (err as { driverError?: { code?: string } }).driverError?.code;
      if (code?.startsWith('23')) {
        this.skipped += 1;
        return;
      }
      throw err;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing.

const TOLERANCE = 1e-9;

/** Differences between two results, as `path: raw vs aggregated` lines (floats within 1e-9). */
export function differences(raw: unknown, agg: unknown, path = ''): string[] {
  if (typeof raw === 'number' && typeof agg === 'number') {
    return Math.abs(raw - agg) <= TOLERANCE * Math.max(1, Math.abs(raw)) ? [] : [`${path}: raw ${raw} vs aggregated ${agg}`];
  }
  if (Array.isArray(raw) && Array.isArray(agg)) {
    if (raw.length !== agg.length) return [`${path}: raw ${JSON.stringify(raw)} vs aggregated ${JSON.stringify(agg)}`];
    return raw.flatMap((r, i) => differences(r, agg[i], `${path}[${i}]`));
  }
  if (raw && agg && typeof raw === 'object' && typeof agg === 'object') {
    const keys = new Set([...Object.keys(raw), ...Object.keys(agg)]);
    return [...keys].flatMap((k) => differences((raw as Values)[k], (agg as Values)[k], path ? `${path}.${k}` : k));
  }
  return raw === agg ? [] : [`${path}: raw ${JSON.stringify(raw)} vs aggregated ${JSON.stringify(agg)}`];
}

export const GRANULARITIES = [TrendGranularity.MONTH, TrendGranularity.QUARTER, TrendGranularity.YEAR];

export function context(db: DataSource): RequestContext {
  return { db, loaders: new LoaderCache(), auth: { claims: null, error: null } };
}

/** Every stats field and every trend (of `trends`, default all) of every code over a period: aggregated vs raw. */
export async function compareAt(sector: SectorSpec, db: DataSource, codes: readonly string[], p: Period, trends = Object.keys(sector.trends)): Promise<string[]> {
  const ctx = context(db);
  const problems: string[] = [];
  const [raw, agg] = await Promise.all([sector.stats(ctx, codes, p, { raw: true }), sector.stats(ctx, codes, p)]);
  for (const code of codes) {
    for (const d of differences(raw.get(code), agg.get(code))) problems.push(`stats ${code} ${JSON.stringify(p)} ${d}`);
  }
  for (const name of trends) {
    const source = sector.trends[name];
    for (const g of GRANULARITIES) {
      const [r, a] = await Promise.all([computeTrends(ctx, codes, p, g, source, true), computeTrends(ctx, codes, p, g, source, false)]);
      codes.forEach((code, i) => {
        for (const d of differences(r[i], a[i])) problems.push(`trend ${name} ${g} ${code} ${JSON.stringify(p)} ${d}`);
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The database of a sector, and the regions records are placed in.

export interface SectorDatabase {
  db: DataSource;
  /** Where records are placed: villages mostly, some townships, counties and cities. */
  regions: string[];
  /** Every prefix of those at 2/4/6/9 digits, the places themselves, and a region with nothing. */
  codes: string[];
  /** Prefixes for multi-row statements. */
  prefixes: string[];
  tables: string[];
  close(): Promise<void>;
}

/** Two provinces; in each, cities → counties → townships → villages, the first ones by code. */
const POOL_SQL = `
  WITH p AS (SELECT code FROM region WHERE code = ANY($1::text[])),
       c AS (SELECT r.code FROM p, LATERAL (SELECT code FROM region WHERE parent_code = p.code ORDER BY code LIMIT 2) r),
       k AS (SELECT r.code FROM c, LATERAL (SELECT code FROM region WHERE parent_code = c.code ORDER BY code LIMIT 2) r),
       t AS (SELECT r.code FROM k, LATERAL (SELECT code FROM region WHERE parent_code = k.code ORDER BY code LIMIT 1) r),
       v AS (SELECT r.code FROM t, LATERAL (SELECT code FROM region WHERE parent_code = t.code ORDER BY code LIMIT 2) r)
  SELECT code FROM v UNION ALL (SELECT code FROM t ORDER BY code LIMIT 2) UNION ALL (SELECT code FROM k ORDER BY code LIMIT 1) UNION ALL (SELECT code FROM c ORDER BY code DESC LIMIT 1)`;

export async function openSectorDatabase(sector: SectorSpec): Promise<SectorDatabase> {
  const admin = process.env.PB_TEST_DB_ADMIN;
  const run = process.env.PB_TEST_RUN;
  const template = process.env.PB_TEST_TEMPLATE;
  if (!admin || !run || !template) throw new Error('test database not prepared: run the tests through jest (globalSetup)');
  const url = await ensureDatabase(admin, `pbt_${run}_${randomBytes(3).toString('hex')}_exact_${sector.name}`, template);
  const db = await openSubgraphDatabase(sector.definition(), url);
  const regions = ((await db.query(POOL_SQL, [['61', '14']])) as { code: string }[]).map((r) => r.code);
  const lengths = [2, 4, 6, 9];
  const prefixes = [...new Set(regions.flatMap((c) => lengths.filter((n) => n < c.length).map((n) => c.slice(0, n))))].sort();
  const codes = [...new Set([...prefixes, ...regions, '11', '1101'])].sort();
  return { db, regions, codes, prefixes, tables: sector.tables.map((t) => t.table), close: () => db.destroy() };
}

/** Empties the sector's tables and the aggregates (TRUNCATE fires no row or statement DML triggers). */
export async function emptySector(s: SectorDatabase): Promise<void> {
  await s.db.query(`TRUNCATE ${[...s.tables, 'stats_aggregate', 'stats_ledger'].map(ident).join(', ')} CASCADE`);
}

export interface RunOptions {
  /** The tables written after the warm-up: one or a few given, or a random few per run. */
  focus: readonly TableSpec[] | 'mixed';
  numRuns: number;
  maxOps: number;
  periodsPerRun: number;
  seed?: number;
}

export interface RunSummary {
  runs: number;
  applied: number;
  skipped: number;
  comparisons: number;
}

/** Trends whose source reads one of the tables (all of them for a mixed run). */
function trendsReading(sector: SectorSpec, focus: RunOptions['focus']): string[] {
  const names = Object.keys(sector.trends);
  if (focus === 'mixed') return names;
  return names.filter((n) => focus.some((t) => new RegExp(`\\b${t.table}\\b`).test(sector.trends[n].from)));
}

/**
 * The property: after any sequence of writes, aggregated = raw for every code, period, field and
 * trend, and a rebuild leaves the aggregates' digest unchanged.
 */
export async function checkSector(sector: SectorSpec, s: SectorDatabase, opts: RunOptions): Promise<RunSummary> {
  const applier = new Applier(sector, s.regions, s.prefixes);
  const summary: RunSummary = { runs: 0, applied: 0, skipped: 0, comparisons: 0 };
  const ops = opsArbitrary(sector, opts.focus, s.regions.length, s.prefixes.length, opts.maxOps);
  const trends = trendsReading(sector, opts.focus);
  const periods = fc.array(period, { minLength: 1, maxLength: opts.periodsPerRun });
  await fc.assert(
    fc.asyncProperty(ops, periods, async (ops, periods) => {
      await emptySector(s);
      applier.reset();
      for (const op of ops) await applier.apply(s.db, op);
      if (process.env.PB_EXACTNESS_DEBUG) {
        const counts = await Promise.all(s.tables.map(async (t) => `${t}=${((await s.db.query(`SELECT count(*)::int AS n FROM ${ident(t)}`)) as { n: number }[])[0].n}`));
        console.log(`${ops.length} ops (${ops.map((o) => o.kind).join(',')}): ${counts.join(' ')}`);
      }
      const problems: string[] = [];
      for (const p of [{ from: null, to: null }, ...periods]) problems.push(...(await compareAt(sector, s.db, s.codes, p, trends)));
      const before = await aggregatesDigest(s.db);
      await rebuildStats(s.db, sector.definition().stats!);
      const after = await aggregatesDigest(s.db);
      if (before.digest !== after.digest) problems.push(`rebuild changed the aggregates: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      summary.runs += 1;
      summary.comparisons += periods.length + 1;
      if (problems.length) throw new Error(`${problems.length} mismatches:\n${problems.slice(0, 20).join('\n')}`);
    }),
    // Shrinking replays whole runs: bounded, so a failure is reported within the test timeout.
    { numRuns: opts.numRuns, seed: opts.seed, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false },
  );
  summary.applied = applier.applied;
  summary.skipped = applier.skipped;
  return summary;
}
