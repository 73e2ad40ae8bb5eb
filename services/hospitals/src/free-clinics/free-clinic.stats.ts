import { type BatchStats, datedWithinSql, rollUpByRegion } from '@pb/kit';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/** Event figures: clinics held inside the period, where they were held. Unreported (null) counts are skipped. */
export const freeClinicFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const rows = await rollUpByRegion<{ clinics: number; reporting: number; patients: number; visits: number; referrals: number }>(ctx, codes, {
    from: 'free_clinic c',
    regionColumn: 'c.region_code',
    aggregates: `count(c.id)::int AS clinics,
      count(c.patients)::int AS reporting,
      coalesce(sum(c.patients), 0)::int AS patients,
      coalesce(sum(c.home_visits), 0)::int AS visits,
      coalesce(sum(c.referrals), 0)::int AS referrals`,
    where: datedWithinSql('c.held_on', '$2', '$3'),
    params: [period.from, period.to],
  });
  return new Map(
    [...rows].map(([code, r]) => [
      code,
      {
        freeClinics: r.clinics,
        freeClinicPatients: r.patients,
        freeClinicHomeVisits: r.visits,
        freeClinicReferrals: r.referrals,
        // Only clinics that reported their patients count in the denominator.
        freeClinicPatientsPerEvent: r.reporting > 0 ? r.patients / r.reporting : null,
      },
    ]),
  );
};
