import { datedWithinSql, existedBySql, type Period, type RequestContext, rollUpByRegion } from '@pb/kit';

/** Stations open at the period end. */
export const stationFigures = (ctx: RequestContext, codes: readonly string[], to: string | null) =>
  rollUpByRegion<{ serviceStations: number }>(ctx, codes, {
    from: 'service_station s',
    regionColumn: 's.region_code',
    aggregates: 'count(s.id)::int AS "serviceStations"',
    where: existedBySql('s.opened_on', '$2'),
    params: [to],
  });

/** Residents served at stations on days inside the period. */
export const stationVisitFigures = (ctx: RequestContext, codes: readonly string[], period: Period) =>
  rollUpByRegion<{ serviceStationVisitors: number }>(ctx, codes, {
    from: 'service_station_visit v',
    regionColumn: 'v.region_code',
    aggregates: 'coalesce(sum(v.visitors), 0)::int AS "serviceStationVisitors"',
    where: datedWithinSql('v.visited_on', '$2', '$3'),
    params: [period.from, period.to],
  });

/** Property companies serving the region's communities, and the 红色物业 among them (stock, now). */
export const propertyFigures = (ctx: RequestContext, codes: readonly string[]) =>
  rollUpByRegion<{ propertyCompanies: number; redPropertyCompanies: number }>(ctx, codes, {
    from: 'property_company p',
    regionColumn: 'p.region_code',
    aggregates: `count(p.id)::int AS "propertyCompanies", count(p.id) FILTER (WHERE p.has_party_branch)::int AS "redPropertyCompanies"`,
  });
