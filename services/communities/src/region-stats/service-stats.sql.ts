import { datedWithinSql, type Period, type RequestContext, rollUpByRegion } from '@pb/kit';

type Codes = readonly string[];

interface ClaimRow { claimed: number; completed: number; households: number }

/** 认领服务: claims made in the period, claims completed in it, and the households those completions visited. */
export async function serviceClaimFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const completed = `c.status = 'COMPLETED' AND ${datedWithinSql('c.completed_on', '$2', '$3')}`;
  const rows = await rollUpByRegion<ClaimRow>(ctx, codes, {
    from: 'service_claim c',
    regionColumn: 'c.region_code',
    aggregates: `count(c.id) FILTER (WHERE ${datedWithinSql('c.claimed_on', '$2', '$3')})::int AS claimed,
      count(c.id) FILTER (WHERE ${completed})::int AS completed,
      coalesce(sum(c.households_visited) FILTER (WHERE ${completed}), 0)::int AS households`,
    params: [p.from, p.to],
  });
  return new Map([...rows].map(([code, r]) => [code, {
    serviceClaims: r.claimed,
    serviceClaimsCompleted: r.completed,
    serviceClaimHouseholdsVisited: r.households,
  }]));
}
