import { type BatchStats, existedBySql, rate, rollUpByRegion } from '@pb/kit';
import type { HospitalStats } from './hospital-stats.type.js';

const SECONDARY_OR_ABOVE = `h.is_public AND h.grade IN ('SECONDARY', 'TERTIARY')`;

/** Stock figures: hospitals existing at the period end. */
export const hospitalFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const rows = await rollUpByRegion<{ hospitals: number; secondary: number; separated: number }>(ctx, codes, {
    from: 'hospital h',
    regionColumn: 'h.region_code',
    aggregates: `count(h.id)::int AS hospitals,
      count(h.id) FILTER (WHERE ${SECONDARY_OR_ABOVE})::int AS secondary,
      count(h.id) FILTER (WHERE ${SECONDARY_OR_ABOVE} AND h.secretary_president_separated)::int AS separated`,
    where: existedBySql('h.established_on', '$2'),
    params: [period.to],
  });
  return new Map(
    [...rows].map(([code, r]) => [
      code,
      {
        hospitals: r.hospitals,
        secondaryOrAboveHospitals: r.secondary,
        secretaryPresidentSeparated: r.separated,
        secretaryPresidentSeparationRate: rate(r.separated, r.secondary),
      },
    ]),
  );
};
