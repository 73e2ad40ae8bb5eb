import { type BatchStats, existedBySql, rollUpByRegion } from '@pb/kit';
import type { SoeStats } from './soe-stats.type.js';

/** Stock figures: enterprises existing at the period end, for every requested region at once. */
export const computeSoeStats: BatchStats<SoeStats> = (ctx, codes, period) =>
  rollUpByRegion<SoeStats>(ctx, codes, {
    from: 'enterprise e',
    regionColumn: 'e.region_code',
    aggregates: 'count(e.id)::int AS enterprises',
    where: existedBySql('e.established_on', '$2'),
    params: [period.to],
  });
