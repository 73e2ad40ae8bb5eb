import { type BatchStats, datedWithinSql, existedBySql, rate, rollUpByRegion } from '@pb/kit';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/**
 * Centres open at the period end, each with its latest census on or before that end (LATERAL:
 * one index probe per centre); `$2` is the period end, null = now.
 */
const CENTRES_WITH_LATEST_CENSUS = `(
  SELECT ctr.id, ctr.region_code, ctr.beds, l.self_care, l.semi_disabled, l.disabled
    FROM elder_care_center ctr
    LEFT JOIN LATERAL (
      SELECT c.self_care, c.semi_disabled, c.disabled
        FROM elder_care_census c
       WHERE c.center_id = ctr.id AND ($2::date IS NULL OR c.counted_on <= $2::date)
       ORDER BY c.counted_on DESC, c.id DESC
       LIMIT 1) l ON true
   WHERE ${existedBySql('ctr.opened_on', '$2')}) e`;

/** Centres, beds and residents by care level (stock); "四个一" activities held in the period (event). */
export const elderCareFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const [stock, events] = await Promise.all([
    rollUpByRegion<{ centers: number; beds: number; selfCare: number; semi: number; disabled: number }>(ctx, codes, {
      from: CENTRES_WITH_LATEST_CENSUS,
      regionColumn: 'e.region_code',
      aggregates: `count(e.id)::int AS centers, coalesce(sum(e.beds), 0)::int AS beds,
        coalesce(sum(e.self_care), 0)::int AS "selfCare", coalesce(sum(e.semi_disabled), 0)::int AS semi, coalesce(sum(e.disabled), 0)::int AS disabled`,
      params: [period.to],
    }),
    rollUpByRegion<{ activities: number }>(ctx, codes, {
      from: 'elder_care_activity a',
      regionColumn: 'a.region_code',
      aggregates: 'count(a.id)::int AS activities',
      where: datedWithinSql('a.held_on', '$2', '$3'),
      params: [period.from, period.to],
    }),
  ]);
  return new Map(
    codes.map((code) => {
      const s = stock.get(code);
      const residents = (s?.selfCare ?? 0) + (s?.semi ?? 0) + (s?.disabled ?? 0);
      return [
        code,
        {
          elderCareCenters: s?.centers ?? 0,
          elderCareBeds: s?.beds ?? 0,
          elderCareResidents: residents,
          elderCareSelfCareResidents: s?.selfCare ?? 0,
          elderCareSemiDisabledResidents: s?.semi ?? 0,
          elderCareDisabledResidents: s?.disabled ?? 0,
          elderCareOccupancyRate: rate(residents, s?.beds ?? 0),
          elderCareActivities: events.get(code)?.activities ?? 0,
        },
      ];
    }),
  );
};
