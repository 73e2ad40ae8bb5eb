import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { loadTrend, PeriodInput, Region, type RequestContext, toPeriod, TrendGranularity, TrendPoint, type TrendSource, Public } from '@pb/kit';

export enum SoeTrendMetric {
  SERVICE_CENTER_VISITS = 'SERVICE_CENTER_VISITS',
  VOLUNTEER_ACTIVITIES = 'VOLUNTEER_ACTIVITIES',
  VOLUNTEERS = 'VOLUNTEERS',
  PEOPLE_SERVED_BY_VOLUNTEERS = 'PEOPLE_SERVED_BY_VOLUNTEERS',
}
registerEnumType(SoeTrendMetric, {
  name: 'SoeTrendMetric',
  description: 'SOE event metrics with a trend: 接待人次 SERVICE_CENTER_VISITS, 志愿服务活动 VOLUNTEER_ACTIVITIES, 志愿者 VOLUNTEERS, 服务群众 PEOPLE_SERVED_BY_VOLUNTEERS',
});

const VISITS = '(service_center c JOIN LATERAL (SELECT * FROM service_center_visit WHERE service_center_id = c.id OFFSET 0) v ON true)';
export const SOURCES: Record<SoeTrendMetric, TrendSource> = {
  SERVICE_CENTER_VISITS: { metric: 'serviceCenter.visitors', from: VISITS, regionColumn: 'c.region_code', dateColumn: 'v.visited_on', value: 'sum(v.visitors)' },
  VOLUNTEER_ACTIVITIES: { metric: 'volunteer.activities', from: 'volunteer_activity a', regionColumn: 'a.region_code', dateColumn: 'a.held_on', value: 'count(*)' },
  VOLUNTEERS: { metric: 'volunteer.volunteers', from: 'volunteer_activity a', regionColumn: 'a.region_code', dateColumn: 'a.held_on', value: 'sum(a.volunteers)' },
  PEOPLE_SERVED_BY_VOLUNTEERS: { metric: 'volunteer.peopleServed', from: 'volunteer_activity a', regionColumn: 'a.region_code', dateColumn: 'a.held_on', value: 'sum(a.people_served)' },
};

/** Region.soeTrend: one event metric bucketed by month, quarter or year (same rules as SoeStats). */
@Resolver(() => Region)
export class SoeTrendResolver {
  @Public()
  @FieldResolver(() => [TrendPoint], { nullable: true, description: 'Trend of an SOE event metric over the period, every bucket included (zeros too)' })
  soeTrend(
    @Root() region: Region,
    @Arg('metric', () => SoeTrendMetric) metric: SoeTrendMetric,
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.MONTH }) granularity: TrendGranularity,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TrendPoint[]> {
    return loadTrend(ctx, `soes:${metric}`, SOURCES[metric], region.code, toPeriod(period), granularity);
  }
}
