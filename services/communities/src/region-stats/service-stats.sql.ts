import { datedWithinSql, existedBySql, type Period, type RequestContext, rollUpByRegion } from '@pb/kit';

type Codes = readonly string[];

interface ClaimRow { claimed: number; completed: number; households: number; problems: number }

/** 认领服务: claims made in the period, claims completed in it, and the households those completions visited. */
export async function serviceClaimFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const completed = `c.status = 'COMPLETED' AND ${datedWithinSql('c.completed_on', '$2', '$3')}`;
  const rows = await rollUpByRegion<ClaimRow>(ctx, codes, {
    from: 'service_claim c',
    regionColumn: 'c.region_code',
    aggregates: `count(c.id) FILTER (WHERE ${datedWithinSql('c.claimed_on', '$2', '$3')})::int AS claimed,
      count(c.id) FILTER (WHERE ${completed})::int AS completed,
      coalesce(sum(c.households_visited) FILTER (WHERE ${completed}), 0)::int AS households,
      coalesce(sum(c.problems_solved) FILTER (WHERE ${completed}), 0)::int AS problems`,
    params: [p.from, p.to],
  });
  return new Map([...rows].map(([code, r]) => [code, {
    serviceClaims: r.claimed,
    serviceClaimsCompleted: r.completed,
    serviceClaimHouseholdsVisited: r.households,
    serviceClaimProblemsSolved: r.problems,
  }]));
}

interface ProjectRow { resources: number; started: number; completed: number }

/** 资源清单 listed by the period end (stock); 项目清单 started and completed in the period (events). */
export async function projectFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const [resources, projects] = await Promise.all([
    rollUpByRegion<{ n: number }>(ctx, codes, {
      from: 'resource r',
      regionColumn: 'r.region_code',
      aggregates: 'count(r.id)::int AS n',
      where: existedBySql('r.listed_on', '$2'),
      params: [p.to],
    }),
    rollUpByRegion<Omit<ProjectRow, 'resources'>>(ctx, codes, {
      from: 'service_project s',
      regionColumn: 's.region_code',
      aggregates: `count(s.id) FILTER (WHERE ${datedWithinSql('s.started_on', '$2', '$3')})::int AS started,
        count(s.id) FILTER (WHERE ${datedWithinSql('s.completed_on', '$2', '$3')})::int AS completed`,
      params: [p.from, p.to],
    }),
  ]);
  return new Map(codes.map((code) => [code, {
    resources: resources.get(code)?.n ?? 0,
    serviceProjects: projects.get(code)?.started ?? 0,
    serviceProjectsCompleted: projects.get(code)?.completed ?? 0,
  }]));
}
