import { type BatchStats, rate, requestedRegionsSql, withinRegionSql } from '@pb/kit';
import type { HospitalStats } from './hospital-stats.type.js';

const SECONDARY_OR_ABOVE = `h.is_public AND h.grade IN ('SECONDARY', 'TERTIARY')`;

/** Stock figures: hospitals existing at the period end, for every requested region at once. */
export const computeHospitalStats: BatchStats<HospitalStats> = async (ctx, codes, period) => {
  const rows: { code: string; hospitals: number; secondary: number; separated: number }[] = await ctx.db.query(
    `SELECT q.code,
            count(h.id)::int AS hospitals,
            count(h.id) FILTER (WHERE ${SECONDARY_OR_ABOVE})::int AS secondary,
            count(h.id) FILTER (WHERE ${SECONDARY_OR_ABOVE} AND h.secretary_president_separated)::int AS separated
       FROM ${requestedRegionsSql('$1')}
       LEFT JOIN hospital h ON ${withinRegionSql('h.region_code', 'q.code')}
            AND (h.established_on IS NULL OR $2::date IS NULL OR h.established_on <= $2::date)
      GROUP BY q.code`,
    [codes, period.to],
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        hospitals: r.hospitals,
        secondaryOrAboveHospitals: r.secondary,
        secretaryPresidentSeparated: r.separated,
        secretaryPresidentSeparationRate: rate(r.separated, r.secondary),
      },
    ]),
  );
};
