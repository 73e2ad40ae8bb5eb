import { type BatchStats, rate, requestedRegionsSql, withinRegionSql } from '@pb/kit';
import type { SchoolStats } from './school-stats.type.js';

const PUBLIC_PRIMARY_SECONDARY = `s.is_public AND s.stage <> 'KINDERGARTEN'`;

/** Stock figures: schools existing at the period end, for every requested region at once. */
export const computeSchoolStats: BatchStats<SchoolStats> = async (ctx, codes, period) => {
  const rows: { code: string; schools: number; public_schools: number; combined: number }[] = await ctx.db.query(
    `SELECT q.code,
            count(s.id)::int AS schools,
            count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY})::int AS public_schools,
            count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY} AND s.secretary_principal_combined)::int AS combined
       FROM ${requestedRegionsSql('$1')}
       LEFT JOIN school s ON ${withinRegionSql('s.region_code', 'q.code')}
            AND (s.established_on IS NULL OR $2::date IS NULL OR s.established_on <= $2::date)
      GROUP BY q.code`,
    [codes, period.to],
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        schools: r.schools,
        publicSchools: r.public_schools,
        secretaryPrincipalCombined: r.combined,
        secretaryPrincipalCombinedRate: rate(r.combined, r.public_schools),
      },
    ]),
  );
};
