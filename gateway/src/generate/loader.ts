import type { QueryRunner } from 'typeorm';
import { Rand, syntheticId } from './random-sql.js';
import type { Progress } from './progress.js';
import { type Scale, target, type TargetTable } from './scales.js';

/** Rows per INSERT … SELECT: large enough to be fast, small enough for the progress to move. */
export const CHUNK_ROWS = 200_000;

/** Loads of at least this many rows defer the table's secondary indexes (see `load`). */
export const DEFER_INDEXES_FROM = 300_000;

/**
 * One subgraph's bulk session: a single connection (the temp tables and session settings live
 * in it), the seed and scale, and the sizes of the index tables built so far. The subgraph
 * modules call `load` for each table, parents first, and `index` for the parents children
 * pick from.
 */
export class Loader {
  /** Rows inserted per table. */
  readonly loaded: Record<string, number> = {};
  private readonly sizes = new Map<string, number>();
  /** Today in Asia/Shanghai as a SQL date: no generated date is later (requirePastDate). */
  readonly T: string;

  constructor(
    readonly q: QueryRunner,
    readonly subgraph: string,
    readonly seed: number,
    readonly scale: Scale,
    /** Today in Asia/Shanghai, YYYY-MM-DD. */
    readonly today: string,
    private readonly progress: Progress,
    private readonly deferIndexesFrom = DEFER_INDEXES_FROM,
  ) {
    this.T = `DATE '${today}'`;
  }

  rand(table: string): Rand {
    return new Rand(this.seed, table);
  }

  target(table: TargetTable): number {
    return target(this.scale, table);
  }

  /** The id of the k-th generated row of `table` (in any subgraph's database). */
  id(table: string, k: string): string {
    return syntheticId(this.seed, table, k);
  }

  /** Rows in the index table `x_<name>` (built by `index` or `regions`). */
  size(name: string): number {
    const n = this.sizes.get(name);
    if (n === undefined) throw new Error(`index x_${name} not built yet`);
    return n;
  }

  /** A date in the last three years (today included). */
  recent(r: Rand, expr: string, salt: number): string {
    return `(${this.T} - ${r.int(expr, salt, 0, 1094)})`;
  }

  /** A date in the last three years and not before `after` (a parent's opening), uniformly. */
  recentAfter(r: Rand, expr: string, salt: number, after: string): string {
    const lo = `GREATEST(COALESCE(${after}, ${this.T} - 1094), ${this.T} - 1094)`;
    return `(${lo} + floor(${r.u(expr, salt)} * (${this.T} - ${lo} + 1))::int)`;
  }

  /** A founding date of a standing unit: mostly years ago, some recent, some unknown (null). */
  founded(r: Rand, expr: string, salt: number, nullShare = 0.1): string {
    return `(CASE WHEN ${r.chance(expr, salt, nullShare)} THEN NULL WHEN ${r.chance(expr, salt + 1, 0.2)} THEN ${this.recent(r, expr, salt + 2)} ELSE ${this.T} - ${r.int(expr, salt + 3, 1095, 9000)} END)`;
  }

  /**
   * Runs `insert` (an INSERT … SELECT over `generate_series($1, $2) i`) for i = 1..total in
   * chunks, reporting progress. The statement may skip indexes (filters), so rows ≤ total.
   */
  async load(table: string, total: number, insert: string, chunk = CHUNK_ROWS): Promise<number> {
    const bar = this.progress.table(this.subgraph, table, total);
    let rows = 0;
    // A large load runs in one transaction without the table's secondary indexes, which are
    // built again at the end: sorting once is far cheaper than a random index insert per row and
    // index. Should the load fail or the process die, the transaction rolls back, indexes included.
    const transaction = total >= this.deferIndexesFrom;
    if (transaction) await this.q.startTransaction();
    try {
      const deferred = transaction ? await this.dropSecondaryIndexes(table) : [];
      for (let lo = 1; lo <= total; lo += chunk) {
        const hi = Math.min(total, lo + chunk - 1);
        const result: unknown = await this.q.query(insert, [lo, hi], true);
        rows += (result as { affected?: number }).affected ?? 0;
        bar.update(hi, rows);
      }
      for (const definition of deferred) await this.q.query(definition);
      if (transaction) await this.q.commitTransaction();
    } catch (err) {
      if (transaction) await this.q.rollbackTransaction().catch(() => {});
      throw new Error(`[${this.subgraph}] ${table}: ${(err as Error).message}`);
    }
    bar.finish(rows);
    this.loaded[table] = (this.loaded[table] ?? 0) + rows;
    return rows;
  }

  /**
   * Drops the table's indexes that no constraint or ON CONFLICT needs (not unique, not a key)
   * and returns their definitions, to be run again after the load.
   */
  private async dropSecondaryIndexes(table: string): Promise<string[]> {
    const found = (await this.q.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT i.indisunique AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [table],
    )) as { name: string; definition: string }[];
    for (const index of found) await this.q.query(`DROP INDEX ${index.name}`);
    return found.map((index) => index.definition);
  }

  /**
   * `x_<name>`: the generated rows of `table` numbered 1..n (ordered by region, so neighbours
   * in n are neighbours on the map), with the columns children need. A child picks its parent
   * by joining on `n` = a hashed ordinal: no correlated lookups, no foreign-key scans.
   */
  async index(name: string, table: string, columns: string, where = 'true'): Promise<number> {
    await this.q.query(`DROP TABLE IF EXISTS x_${name}`);
    await this.query(name,
      `CREATE TEMP TABLE x_${name} AS SELECT row_number() OVER (ORDER BY region_code, id) AS n, ${columns} FROM ${table} t WHERE t.source = 'SYNTHETIC' AND (${where})`,
    );
    return this.finishIndex(name);
  }

  /**
   * `x_<name>`: the townships (9 digits) or villages (12) inside the scale's division, each
   * repeated by its weight, numbered 1..n in code order. Urban divisions (街道, 社区/居委会, or
   * a village of a 街道) weigh more; a hash of the code varies the weight further, so picking
   * n uniformly puts more records in cities than in the countryside.
   */
  async regions(name: string, digits: 9 | 12): Promise<number> {
    const r = this.rand(`regions-${digits}`);
    const urban =
      digits === 9
        ? `CASE WHEN v.name LIKE '%街道' THEN 4 WHEN v.name LIKE '%镇' THEN 2 ELSE 1 END`
        : `CASE WHEN t.name LIKE '%街道' OR v.name ~ '(社区|居委会|居民委员会)' THEN 4 ELSE 1 END`;
    await this.q.query(`DROP TABLE IF EXISTS x_${name}`);
    await this.q.query(
      `CREATE TEMP TABLE x_${name} AS
       SELECT row_number() OVER (ORDER BY v.code, w) AS n, v.code, v.name AS region_name, t.name AS township_name,
              (${urban}) >= 4 AS urban
         FROM region v LEFT JOIN region t ON t.code = v.parent_code,
              generate_series(1, (${urban}) * ${r.int('v.code::bigint', 0, 1, 3)}) w
        WHERE length(v.code) = ${digits} AND v.code LIKE '${this.scale.prefix}%'`,
    );
    return this.finishIndex(name);
  }

  private async query(name: string, sql: string): Promise<void> {
    try {
      await this.q.query(sql);
    } catch (err) {
      throw new Error(`[${this.subgraph}] x_${name}: ${(err as Error).message}`);
    }
  }

  private async finishIndex(name: string): Promise<number> {
    await this.q.query(`ALTER TABLE x_${name} ADD PRIMARY KEY (n)`);
    await this.q.query(`ANALYZE x_${name}`);
    const [{ count }] = (await this.q.query(`SELECT count(*)::int AS count FROM x_${name}`)) as { count: number }[];
    if (!count) throw new Error(`no rows for x_${name} (is the division ${this.scale.prefix} in the region table?)`);
    this.sizes.set(name, count);
    return count;
  }

  /**
   * An ordinal 1..n(name) proportional to i/total plus a little noise: stratified sampling, so
   * the k-th of `total` units lands on the k-th stretch of the weighted region list, evenly
   * over the map (and generated ids stay ordered by region).
   */
  stratified(r: Rand, name: string, total: number, salt: number, i = 'i'): string {
    return `LEAST(${this.size(name)}, 1 + floor(((${i} - 1) + ${r.u(i, salt)}) * ${this.size(name) / total}))::bigint`;
  }

  /**
   * An ordinal 1..size near position `n` of `of` rows: a nearby unit of a list ordered by
   * region (the same ordering as the stratified generation), e.g. an agency of the same county.
   */
  near(r: Rand, size: number, n: string, of: number, salt: number, spread = 3): string {
    return `GREATEST(1, LEAST(${size}, floor((${n} - 1)::float8 * ${size / of})::bigint + ${r.int('i', salt, 1 - spread, 1 + spread)}))`;
  }
}
