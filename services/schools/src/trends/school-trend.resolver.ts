import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { loadTrend, PeriodInput, Region, type RequestContext, toPeriod, TrendGranularity, TrendPoint, type TrendSource, Public } from '@pb/kit';

export enum SchoolTrendMetric {
  PLACES_ADDED = 'PLACES_ADDED',
  ENROLLMENT_GUIDANCE_SESSIONS = 'ENROLLMENT_GUIDANCE_SESSIONS',
  ENROLLMENT_GUIDANCE_ATTENDEES = 'ENROLLMENT_GUIDANCE_ATTENDEES',
}
registerEnumType(SchoolTrendMetric, {
  name: 'SchoolTrendMetric',
  description: 'School event metrics with a trend: 学位增加 PLACES_ADDED (sum of places by effective date), 招生培训场次 ENROLLMENT_GUIDANCE_SESSIONS, 参训家长 ENROLLMENT_GUIDANCE_ATTENDEES',
});

export const SOURCES: Record<SchoolTrendMetric, TrendSource> = {
  PLACES_ADDED: { metric: 'places.added', from: '(school s JOIN LATERAL (SELECT * FROM enrollment_change WHERE school_id = s.id OFFSET 0) ec ON true)', regionColumn: 's.region_code', dateColumn: 'ec.effective_on', value: 'sum(ec.places)' },
  ENROLLMENT_GUIDANCE_SESSIONS: { metric: 'guidance.sessions', from: 'enrollment_guidance_session g', regionColumn: 'g.region_code', dateColumn: 'g.held_on', value: 'count(*)' },
  ENROLLMENT_GUIDANCE_ATTENDEES: { metric: 'guidance.attendees', from: 'enrollment_guidance_session g', regionColumn: 'g.region_code', dateColumn: 'g.held_on', value: 'sum(g.attendees)' },
};

/** Region.schoolTrend: one event metric bucketed by month, quarter or year (same rules as SchoolStats). */
@Resolver(() => Region)
export class SchoolTrendResolver {
  @Public()
  @FieldResolver(() => [TrendPoint], { nullable: true, description: 'Trend of a school event metric over the period, every bucket included (zeros too)' })
  schoolTrend(
    @Root() region: Region,
    @Arg('metric', () => SchoolTrendMetric) metric: SchoolTrendMetric,
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.MONTH }) granularity: TrendGranularity,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TrendPoint[]> {
    return loadTrend(ctx, `schools:${metric}`, SOURCES[metric], region.code, toPeriod(period), granularity);
  }
}
