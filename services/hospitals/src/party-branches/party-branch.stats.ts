import { type BatchStats, existedBySql, rate, rollUpByRegion } from '@pb/kit';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/** Stock figures: department branches existing at the period end. */
export const branchFigures: BatchStats<Partial<HospitalStats>> = async (ctx, codes, period) => {
  const rows = await rollUpByRegion<{ branches: number; dual: number; members: number }>(ctx, codes, {
    from: 'hospital_party_branch b',
    regionColumn: 'b.region_code',
    aggregates: `count(b.id)::int AS branches,
      count(b.id) FILTER (WHERE b.secretary_role IN ('DEPARTMENT_HEAD', 'BUSINESS_BACKBONE'))::int AS dual,
      coalesce(sum(b.members), 0)::int AS members`,
    where: existedBySql('b.established_on', '$2'),
    params: [period.to],
  });
  return new Map(
    [...rows].map(([code, r]) => [
      code,
      { departmentBranches: r.branches, dualLeaderBranches: r.dual, dualLeaderRate: rate(r.dual, r.branches), branchPartyMembers: r.members },
    ]),
  );
};
