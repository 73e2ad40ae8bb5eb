import { type BatchStats, existedBySql, rollUpByRegion } from '@pb/kit';
import type { CommunityStats } from './community-stats.type.js';

/** Stock figures: communities existing at the period end, for every requested region at once. */
export const computeCommunityStats: BatchStats<CommunityStats> = (ctx, codes, period) =>
  rollUpByRegion<CommunityStats>(ctx, codes, {
    from: 'community c',
    regionColumn: 'c.region_code',
    aggregates: `count(c.id)::int AS communities, coalesce(sum(c.party_members), 0)::int AS "partyMembers"`,
    where: existedBySql('c.established_on', '$2'),
    params: [period.to],
  });
