import { type BatchStats, datedWithinSql, existedBySql, rollUpByRegion } from '@pb/kit';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/** Stations open at the period end (stock); services given inside the period, by kind (event). */
export const healthStationFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const [stations, services] = await Promise.all([
    rollUpByRegion<{ stations: number }>(ctx, codes, {
      from: 'health_station s',
      regionColumn: 's.region_code',
      aggregates: 'count(s.id)::int AS stations',
      where: existedBySql('s.opened_on', '$2'),
      params: [period.to],
    }),
    rollUpByRegion<{ home: number; basic: number; education: number; consultation: number }>(ctx, codes, {
      from: 'station_service_record r',
      regionColumn: 'r.region_code',
      aggregates: `coalesce(sum(r.services) FILTER (WHERE r.kind = 'HOME_VISIT'), 0)::int AS home,
        coalesce(sum(r.services) FILTER (WHERE r.kind = 'BASIC_CARE'), 0)::int AS basic,
        coalesce(sum(r.services) FILTER (WHERE r.kind = 'HEALTH_EDUCATION'), 0)::int AS education,
        coalesce(sum(r.services) FILTER (WHERE r.kind = 'POLICY_CONSULTATION'), 0)::int AS consultation`,
      where: datedWithinSql('r.served_on', '$2', '$3'),
      params: [period.from, period.to],
    }),
  ]);
  return new Map(
    codes.map((code) => {
      const s = services.get(code);
      return [
        code,
        {
          healthStations: stations.get(code)?.stations ?? 0,
          stationHomeVisits: s?.home ?? 0,
          stationBasicServices: s?.basic ?? 0,
          stationHealthEducation: s?.education ?? 0,
          stationPolicyConsultations: s?.consultation ?? 0,
        },
      ];
    }),
  );
};
