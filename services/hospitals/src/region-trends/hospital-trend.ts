import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { loadTrend, PeriodInput, Region, type RequestContext, toPeriod, TrendGranularity, TrendPoint, type TrendSource, Public } from '@pb/kit';

/** The hospital sector's event metrics, the ones a trend makes sense for. */
export enum HospitalTrendMetric {
  FREE_CLINICS = 'FREE_CLINICS',
  FREE_CLINIC_PATIENTS = 'FREE_CLINIC_PATIENTS',
  FREE_CLINIC_HOME_VISITS = 'FREE_CLINIC_HOME_VISITS',
  WARD_ROUNDS = 'WARD_ROUNDS',
  STATION_HOME_VISITS = 'STATION_HOME_VISITS',
  STATION_BASIC_SERVICES = 'STATION_BASIC_SERVICES',
  ELDER_CARE_ACTIVITIES = 'ELDER_CARE_ACTIVITIES',
}
registerEnumType(HospitalTrendMetric, {
  name: 'HospitalTrendMetric',
  description: '义诊场次 FREE_CLINICS, 义诊人数 FREE_CLINIC_PATIENTS, 入户 FREE_CLINIC_HOME_VISITS, 党建查房 WARD_ROUNDS, 驿站上门诊疗 STATION_HOME_VISITS, 驿站基本医疗服务 STATION_BASIC_SERVICES, 医养结合"四个一"活动 ELDER_CARE_ACTIVITIES',
});

const clinics = (metric: string, value: string): TrendSource => ({ metric, from: 'free_clinic c', regionColumn: 'c.region_code', dateColumn: 'c.held_on', value });
const station = (metric: string, kind: string): TrendSource => ({
  metric,
  from: 'station_service_record s',
  regionColumn: 's.region_code',
  dateColumn: 's.served_on',
  value: 'sum(s.services)',
  where: `s.kind = '${kind}'`,
});

/** Each metric's events, defined the same way as the matching HospitalStats field. */
export const SOURCES: Record<HospitalTrendMetric, TrendSource> = {
  FREE_CLINICS: clinics('freeClinic.count', 'count(*)'),
  FREE_CLINIC_PATIENTS: clinics('freeClinic.patients', 'sum(c.patients)'),
  FREE_CLINIC_HOME_VISITS: clinics('freeClinic.homeVisits', 'sum(c.home_visits)'),
  WARD_ROUNDS: { metric: 'wardRound.held', from: 'ward_round w', regionColumn: 'w.region_code', dateColumn: 'w.held_on', value: 'count(*)' },
  STATION_HOME_VISITS: station('stationService.homeVisits', 'HOME_VISIT'),
  STATION_BASIC_SERVICES: station('stationService.basicCare', 'BASIC_CARE'),
  ELDER_CARE_ACTIVITIES: { metric: 'elderCare.activities', from: 'elder_care_activity a', regionColumn: 'a.region_code', dateColumn: 'a.held_on', value: 'count(*)' },
};

@Resolver(() => Region)
export class HospitalTrendResolver {
  @Public()
  @FieldResolver(() => [TrendPoint], {
    nullable: true,
    description: 'Monthly, quarterly or yearly series of a hospital-sector event metric over the region; buckets without events are 0.',
  })
  hospitalTrend(
    @Root() region: Region,
    @Arg('metric', () => HospitalTrendMetric) metric: HospitalTrendMetric,
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.MONTH }) granularity: TrendGranularity,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TrendPoint[]> {
    return loadTrend(ctx, `hospitals:${metric}`, SOURCES[metric], region.code, toPeriod(period), granularity);
  }
}
