import { type BatchStats, existedBySql, rate, rollUpByRegion } from '@pb/kit';
import type { SchoolStats } from './school-stats.type.js';

const PUBLIC_PRIMARY_SECONDARY = `s.is_public AND s.stage <> 'KINDERGARTEN'`;

/** Stock figures: schools existing at the period end, for every requested region at once. */
export const computeSchoolStats: BatchStats<SchoolStats> = async (ctx, codes, period) => {
  const rows = await rollUpByRegion<{ schools: number; public_schools: number; combined: number }>(ctx, codes, {
    from: 'school s',
    regionColumn: 's.region_code',
    aggregates: `count(s.id)::int AS schools,
      count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY})::int AS public_schools,
      count(s.id) FILTER (WHERE ${PUBLIC_PRIMARY_SECONDARY} AND s.secretary_principal_combined)::int AS combined`,
    where: existedBySql('s.established_on', '$2'),
    params: [period.to],
  });
  return new Map(
    [...rows].map(([code, r]) => [
      code,
      {
        schools: r.schools,
        publicSchools: r.public_schools,
        secretaryPrincipalCombined: r.combined,
        secretaryPrincipalCombinedRate: rate(r.combined, r.public_schools),
      },
    ]),
  );
};
