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
 * Like the kit's rollUpByRegion but broken down by a key (a category, a sector): one statement
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
    `SELECT q.code, ${q.key} AS key, (${q.value})::int AS value
       FROM ${requestedRegionsSql('$1')}
       JOIN ${q.from} ON ${withinRegionSql(q.regionColumn, 'q.code')}${q.where ? ` AND (${q.where})` : ''}
      GROUP BY q.code, ${q.key}`,
    [codes, ...(q.params ?? [])],
  );
  return new Map(
    codes.map((code) => [
      code,
      keys.map((key) => ({ key, count: rows.find((r) => r.code === code && r.key === key)?.value ?? 0 })),
    ]),
  );
}
