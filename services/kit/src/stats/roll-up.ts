import type { RequestContext } from '../context.js';
import { requestedRegionsSql, withinRegionSql } from '../regions/sql.js';

export interface RollUpQuery {
  /** Table and alias, e.g. `hospital h`; may be a join (`ward_round w JOIN hospital h ON …`). */
  from: string;
  /** Column holding the records' region code, e.g. `h.region_code`. */
  regionColumn: string;
  /** Aggregates named as the result keys, e.g. `count(h.id)::int AS hospitals`. */
  aggregates: string;
  /** Extra join condition (period, status…), using $2, $3… from `params`. */
  where?: string;
  params?: unknown[];
}

/**
 * One statement computing aggregates for many regions: for each requested code, a LATERAL
 * subquery over the records inside it (prefix rule). LATERAL makes PostgreSQL probe the region
 * index once per code — a plain join lets it seq-scan the table by date and then match codes,
 * which is slow on a national table — so a drill-down over N children costs one statement.
 */
export async function rollUpByRegion<R extends object>(ctx: RequestContext, codes: readonly string[], q: RollUpQuery): Promise<Map<string, R>> {
  const rows: (R & { code: string })[] = await ctx.db.query(
    `SELECT q.code, x.*
       FROM ${requestedRegionsSql('$1')}
       CROSS JOIN LATERAL (SELECT ${q.aggregates} FROM ${q.from}
                            WHERE ${withinRegionSql(q.regionColumn, 'q.code')}${q.where ? ` AND (${q.where})` : ''}) x`,
    [codes, ...(q.params ?? [])],
  );
  return new Map(rows.map(({ code, ...rest }) => [code, rest as unknown as R]));
}

/** Stock rule: the record existed at the period end (`$n` holds period.to, null = now). */
export const existedBySql = (dateColumn: string, toParam: string): string =>
  `(${dateColumn} IS NULL OR ${toParam}::date IS NULL OR ${dateColumn} <= ${toParam}::date)`;

/** Event rule: the event happened (its date is set) inside the period; open ends allowed. */
export const datedWithinSql = (dateColumn: string, fromParam: string, toParam: string): string =>
  `(${dateColumn} IS NOT NULL AND (${fromParam}::date IS NULL OR ${dateColumn} >= ${fromParam}::date) AND (${toParam}::date IS NULL OR ${dateColumn} <= ${toParam}::date))`;
