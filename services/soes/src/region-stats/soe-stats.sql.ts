import { type BatchStats, requestedRegionsSql, withinRegionSql } from '@pb/kit';
import type { SoeStats } from './soe-stats.type.js';

/** Stock figures: enterprises existing at the period end, for every requested region at once. */
export const computeSoeStats: BatchStats<SoeStats> = async (ctx, codes, period) => {
  const rows: { code: string; enterprises: number }[] = await ctx.db.query(
    `SELECT q.code, count(e.id)::int AS enterprises
       FROM ${requestedRegionsSql('$1')}
       LEFT JOIN enterprise e ON ${withinRegionSql('e.region_code', 'q.code')}
            AND (e.established_on IS NULL OR $2::date IS NULL OR e.established_on <= $2::date)
      GROUP BY q.code`,
    [codes, period.to],
  );
  return new Map(rows.map((r) => [r.code, { enterprises: r.enterprises }]));
};
