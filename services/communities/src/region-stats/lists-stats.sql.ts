import { datedWithinSql, type Period, rate, type RequestContext, rollUpByRegion } from '@pb/kit';
import { rollUpByRegionAndKey } from '../common/keyed-roll-up.js';

type Codes = readonly string[];
/** Dated inside the period; an undated step (not reached yet) never is, even with open ends. */
const IN = (col: string) => `(${col} IS NOT NULL AND ${datedWithinSql(col, '$2', '$3')})`;
/** Reached by the period end (null end = now). */
const BY_END = (col: string) => `(${col} IS NOT NULL AND ($3::date IS NULL OR ${col} <= $3::date))`;

interface DemandRow { collected: number; resolved: number; cohortResolved: number; medianDays: number | null; satisfaction: number | null }

/** Event figures of the three lists: each counts what is dated inside the period. */
export async function demandFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<DemandRow>(ctx, codes, {
    from: 'demand d',
    regionColumn: 'd.region_code',
    aggregates: `count(d.id) FILTER (WHERE ${IN('d.collected_on')})::int AS collected,
      count(d.id) FILTER (WHERE ${IN('d.resolved_on')})::int AS resolved,
      count(d.id) FILTER (WHERE ${IN('d.collected_on')} AND ${BY_END('d.resolved_on')})::int AS "cohortResolved",
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY d.resolved_on - d.collected_on) FILTER (WHERE ${IN('d.resolved_on')}))::float8 AS "medianDays",
      (avg(d.satisfaction) FILTER (WHERE ${IN('d.feedback_on')}))::float8 AS satisfaction`,
    params: [p.from, p.to],
  });
  return new Map([...rows].map(([code, r]) => [code, {
    demandsCollected: r.collected,
    demandsResolved: r.resolved,
    demandResolutionRate: rate(r.cohortResolved, r.collected),
    demandMedianDaysToResolve: r.medianDays,
    demandAverageSatisfaction: r.satisfaction,
  }]));
}

export const meetingFigures = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ meetingsHeld: number }>(ctx, codes, {
    from: 'meeting m',
    regionColumn: 'm.region_code',
    aggregates: `count(m.id) FILTER (WHERE ${IN('m.held_on')})::int AS "meetingsHeld"`,
    params: [p.from, p.to],
  });

interface DisputeRow { mediated: number; resolved: number; cohortResolved: number; inGrid: number }

export async function disputeFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const resolved = `d.status = 'RESOLVED' AND ${IN('d.closed_on')}`;
  const [rows, byCategory] = await Promise.all([
    rollUpByRegion<DisputeRow>(ctx, codes, {
      from: 'dispute d',
      regionColumn: 'd.region_code',
      aggregates: `count(d.id) FILTER (WHERE ${IN('d.mediating_on')})::int AS mediated,
        count(d.id) FILTER (WHERE ${resolved})::int AS resolved,
        count(d.id) FILTER (WHERE ${IN('d.mediating_on')} AND d.status = 'RESOLVED' AND ${BY_END('d.closed_on')})::int AS "cohortResolved",
        count(d.id) FILTER (WHERE ${resolved} AND d.settled_level = 'GRID')::int AS "inGrid"`,
      params: [p.from, p.to],
    }),
    rollUpByRegionAndKey(ctx, codes, ['NEIGHBOR', 'PROPERTY', 'MARRIAGE_FAMILY', 'OTHER'], {
      from: 'dispute d',
      regionColumn: 'd.region_code',
      key: 'd.category',
      value: 'count(d.id)',
      where: IN('d.mediating_on'),
      params: [p.from, p.to],
    }),
  ]);
  return new Map([...rows].map(([code, r]) => [code, {
    disputesMediated: r.mediated,
    disputesResolved: r.resolved,
    disputesByCategory: (byCategory.get(code) ?? []).map(({ key, count }) => ({ category: key, count })),
    disputeResolutionRate: rate(r.cohortResolved, r.mediated),
    disputesSettledInGridRate: rate(r.inGrid, r.resolved),
  }]));
}
