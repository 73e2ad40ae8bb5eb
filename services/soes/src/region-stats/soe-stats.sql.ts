import { type BatchStats, datedWithinSql, existedBySql, type Period, type RequestContext, rollUpByRegion } from '@pb/kit';
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
    from: '(service_center_visit v JOIN service_center c ON c.id = v.service_center_id)',
    regionColumn: 'c.region_code',
    aggregates: 'coalesce(sum(v.visitors), 0)::int AS visitors',
    where: datedWithinSql('v.visited_on', '$2', '$3'),
    params: [p.from, p.to],
  });

/** Event: activities held inside the period, where they took place. */
const activitySums = (ctx: RequestContext, codes: Codes, p: Period) =>
  rollUpByRegion<{ activities: number; volunteers: number; served: number }>(ctx, codes, {
    from: 'volunteer_activity a',
    regionColumn: 'a.region_code',
    aggregates: `count(a.id)::int AS activities, coalesce(sum(a.volunteers), 0)::int AS volunteers, coalesce(sum(a.people_served), 0)::int AS served`,
    where: datedWithinSql('a.held_on', '$2', '$3'),
    params: [p.from, p.to],
  });

/** Every figure for every requested region: four statements, whatever the number of regions. */
export const computeSoeStats: BatchStats<SoeStats> = async (ctx, codes, period) => {
  const [enterprises, centres, visits, activities] = await Promise.all([
    enterpriseCounts(ctx, codes, period),
    centreCounts(ctx, codes, period),
    visitSums(ctx, codes, period),
    activitySums(ctx, codes, period),
  ]);
  return new Map(
    codes.map((code) => {
      const c = centres.get(code)!;
      const a = activities.get(code)!;
      const stats: SoeStats = {
        enterprises: enterprises.get(code)!.enterprises,
        serviceCenters: c.centers,
        serviceItems: c.items,
        serviceCenterVisits: visits.get(code)!.visitors,
        volunteerActivities: a.activities,
        volunteers: a.volunteers,
        peopleServedByVolunteers: a.served,
      };
      return [code, stats];
    }),
  );
};
