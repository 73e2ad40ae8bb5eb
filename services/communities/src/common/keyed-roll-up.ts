import { type RequestContext, requestedRegionsSql, withinRegionSql } from '@pb/kit';

export interface KeyedRollUpQuery {
  /** Table and alias, e.g. `dispute d`. */
  from: string;
  regionColumn: string;
  /** The grouping column, e.g. `d.category`. */
  key: string;
  /** Aggregate of each group, e.g. `count(*)`. */
  value: string;
  where?: string;
  params?: unknown[];
}

/**
 * Like the kit's rollUpByRegion (a LATERAL probe per code) but broken down by a key (a category, a sector): one statement
 * for every requested region; every listed key is present, zeros included, so a chart keeps its
 * bars. (Generic: belongs in the kit next to rollUpByRegion.)
 */
export async function rollUpByRegionAndKey<K extends string>(
  ctx: RequestContext,
  codes: readonly string[],
  keys: readonly K[],
  q: KeyedRollUpQuery,
): Promise<Map<string, { key: K; count: number }[]>> {
  const rows: { code: string; key: K; value: number }[] = await ctx.db.query(
    `SELECT q.code, x.key, x.value
       FROM ${requestedRegionsSql('$1')}
       CROSS JOIN LATERAL (SELECT ${q.key} AS key, (${q.value})::int AS value FROM ${q.from}
                            WHERE ${withinRegionSql(q.regionColumn, 'q.code')}${q.where ? ` AND (${q.where})` : ''}
                            GROUP BY ${q.key}) x`,
    [codes, ...(q.params ?? [])],
  );
  return new Map(
    codes.map((code) => [
      code,
      keys.map((key) => ({ key, count: rows.find((r) => r.code === code && r.key === key)?.value ?? 0 })),
    ]),
  );
}
