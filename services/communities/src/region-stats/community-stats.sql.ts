import { type BatchStats, requestedRegionsSql, withinRegionSql } from '@pb/kit';
import type { CommunityStats } from './community-stats.type.js';

/** Stock figures: communities existing at the period end, for every requested region at once. */
export const computeCommunityStats: BatchStats<CommunityStats> = async (ctx, codes, period) => {
  const rows: { code: string; communities: number; party_members: number }[] = await ctx.db.query(
    `SELECT q.code, count(c.id)::int AS communities, coalesce(sum(c.party_members), 0)::int AS party_members
       FROM ${requestedRegionsSql('$1')}
       LEFT JOIN community c ON ${withinRegionSql('c.region_code', 'q.code')}
            AND (c.established_on IS NULL OR $2::date IS NULL OR c.established_on <= $2::date)
      GROUP BY q.code`,
    [codes, period.to],
  );
  return new Map(rows.map((r) => [r.code, { communities: r.communities, partyMembers: r.party_members }]));
};
