import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { loadTrend, PeriodInput, Region, type RequestContext, toPeriod, TrendGranularity, TrendPoint, type TrendSource, Public } from '@pb/kit';

/** The community sector's event metrics, the ones a trend makes sense for. */
export enum CommunityTrendMetric {
  DEMANDS_COLLECTED = 'DEMANDS_COLLECTED',
  DEMANDS_RESOLVED = 'DEMANDS_RESOLVED',
  MEETINGS_HELD = 'MEETINGS_HELD',
  DISPUTES_MEDIATED = 'DISPUTES_MEDIATED',
  DISPUTES_RESOLVED = 'DISPUTES_RESOLVED',
  SERVICE_CLAIMS = 'SERVICE_CLAIMS',
  SERVICE_CLAIMS_COMPLETED = 'SERVICE_CLAIMS_COMPLETED',
  SERVICE_PROJECTS = 'SERVICE_PROJECTS',
}
registerEnumType(CommunityTrendMetric, {
  name: 'CommunityTrendMetric',
  description:
    '需求收集 DEMANDS_COLLECTED, 需求办结 DEMANDS_RESOLVED, 议事会 MEETINGS_HELD, 调解纠纷 DISPUTES_MEDIATED, 化解纠纷 DISPUTES_RESOLVED, 认领服务 SERVICE_CLAIMS, 认领完成 SERVICE_CLAIMS_COMPLETED, 项目立项 SERVICE_PROJECTS',
});

const count = (metric: string, from: string, dateColumn: string, where?: string): TrendSource => ({ metric, from, regionColumn: `${from.split(' ')[1]}.region_code`, dateColumn, value: 'count(*)', where });

/** Each metric's events, defined the same way as the matching CommunityStats field. */
export const SOURCES: Record<CommunityTrendMetric, TrendSource> = {
  DEMANDS_COLLECTED: count('demand.collected', 'demand d', 'd.collected_on'),
  DEMANDS_RESOLVED: count('demand.resolved', 'demand d', 'd.resolved_on'),
  MEETINGS_HELD: count('meeting.held', 'meeting m', 'm.held_on'),
  DISPUTES_MEDIATED: count('dispute.mediated', 'dispute d', 'd.mediating_on'),
  DISPUTES_RESOLVED: count('dispute.resolved', 'dispute d', 'd.closed_on', `d.status = 'RESOLVED'`),
  SERVICE_CLAIMS: count('serviceClaim.claimed', 'service_claim c', 'c.claimed_on'),
  SERVICE_CLAIMS_COMPLETED: count('serviceClaim.completed', 'service_claim c', 'c.completed_on', `c.status = 'COMPLETED'`),
  SERVICE_PROJECTS: count('serviceProject.started', 'service_project s', 's.started_on'),
};

@Resolver(() => Region)
export class CommunityTrendResolver {
  @Public()
  @FieldResolver(() => [TrendPoint], {
    nullable: true,
    description: 'Monthly, quarterly or yearly series of a community-sector event metric over the region; buckets without events are 0.',
  })
  communityTrend(
    @Root() region: Region,
    @Arg('metric', () => CommunityTrendMetric) metric: CommunityTrendMetric,
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.MONTH }) granularity: TrendGranularity,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TrendPoint[]> {
    return loadTrend(ctx, `communities:${metric}`, SOURCES[metric], region.code, toPeriod(period), granularity);
  }
}
