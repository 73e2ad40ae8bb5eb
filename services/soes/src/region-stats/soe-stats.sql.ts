import { sectorConceptParts } from '@pb/kit';
import { type BatchStats, composeStats, datedWithinSql, existedBySql, type Period, type RequestContext, rollUpByRegion, type StatsPart } from '@pb/kit';
import type { SoeStats } from './soe-stats.type.js';

type Codes = readonly string[];

/** Stock: enterprises existing at the period end ($2). */
const enterpriseCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ enterprises: number }>(ctx, codes, {
    from: 'enterprise e',
    regionColumn: 'e.region_code',
    aggregates: 'count(e.id)::int AS enterprises',
    where: existedBySql('e.established_on', '$2'),
    params: [p.to],
  });

/** Stock: centres opened by the period end, and the services they offered then (region of the centre). */
const centreCounts = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ centers: number; items: number }>(ctx, codes, {
    from: '(service_center c LEFT JOIN service_item i ON i.service_center_id = c.id AND ' + existedBySql('i.offered_since', '$2') + ')',
    regionColumn: 'c.region_code',
    aggregates: 'count(DISTINCT c.id)::int AS centers, count(i.id)::int AS items',
    where: existedBySql('c.opened_on', '$2'),
    params: [p.to],
  });

/** Event: visitors of records dated inside the period (a MONTH record by its first day). */
const visitSums = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ visitors: number }>(ctx, codes, {
    // The region's centres first, then each centre's visits (LATERAL, not flattened: see school-stats.sql.ts).
    from: '(service_center c JOIN LATERAL (SELECT * FROM service_center_visit WHERE service_center_id = c.id OFFSET 0) v ON true)',
    regionColumn: 'c.region_code',
    aggregates: 'coalesce(sum(v.visitors), 0)::int AS visitors',
    where: datedWithinSql('v.visited_on', '$2', '$3'),
    params: [p.from, p.to],
  });

const byCode = <T>(codes: Codes, f: (code: string) => T) => new Map(codes.map((code) => [code, f(code)]));

/**
 * SoeStats in parts: figures from the rows (`raw`, the definition) and from the pre-aggregates
 * (soe-stats.aggregates.ts). Only the parts asked for run.
 */
export const SOE_STATS_PARTS: StatsPart<SoeStats>[] = [
  {
    fields: ['enterprises'],
    raw: async (ctx, codes, p) => {
      const e = await enterpriseCounts(ctx, codes, p);
      return byCode(codes, (code) => ({ enterprises: e.get(code)!.enterprises }));
    },
    aggregated: { stocks: ['enterprise.count'], figures: (get) => ({ enterprises: get('enterprise.count') }) },
  },
  {
    fields: ['serviceCenters', 'serviceItems'],
    raw: async (ctx, codes, p) => {
      const c = await centreCounts(ctx, codes, p);
      return byCode(codes, (code) => ({ serviceCenters: c.get(code)!.centers, serviceItems: c.get(code)!.items }));
    },
    aggregated: {
      stocks: ['serviceCenter.count', 'serviceItem.count'],
      figures: (get) => ({ serviceCenters: get('serviceCenter.count'), serviceItems: get('serviceItem.count') }),
    },
  },
  {
    fields: ['serviceCenterVisits'],
    raw: async (ctx, codes, p) => {
      const v = await visitSums(ctx, codes, p);
      return byCode(codes, (code) => ({ serviceCenterVisits: v.get(code)!.visitors }));
    },
    aggregated: { events: ['serviceCenter.visitors'], figures: (get) => ({ serviceCenterVisits: get('serviceCenter.visitors') }) },
  },
];

export const computeSoeStats: BatchStats<SoeStats> = composeStats([...SOE_STATS_PARTS, ...sectorConceptParts<SoeStats>()]);
