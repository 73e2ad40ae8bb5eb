import { existedBySql, type RequestContext, requestedRegionsSql, withinRegionSql } from '@pb/kit';

interface PartnershipRow { code: string; partnerships: number; suggestions: number; resources: number; problems: number }

/**
 * 结对共建 at the period end (paired by then), for every requested region in one statement: a
 * partnership counts in a region when at least one of its two communities is inside it, and
 * once only (a region holding both communities sees one partnership, not two).
 */
export async function partnershipFigures(ctx: RequestContext, codes: readonly string[], to: string | null) {
  const rows: PartnershipRow[] = await ctx.db.query(
    `SELECT q.code, count(p.id)::int AS partnerships,
            coalesce(sum(p.suggestions_adopted), 0)::int AS suggestions,
            coalesce(sum(p.resources_shared), 0)::int AS resources,
            coalesce(sum(p.problems_solved), 0)::int AS problems
       FROM ${requestedRegionsSql('$1')}
       LEFT JOIN (community_partnership p
                  JOIN community ca ON ca.id = p.community_a_id
                  JOIN community cb ON cb.id = p.community_b_id)
         ON (${withinRegionSql('ca.region_code', 'q.code')} OR ${withinRegionSql('cb.region_code', 'q.code')})
        AND ${existedBySql('p.paired_on', '$2')}
      GROUP BY q.code`,
    [codes, to],
  );
  return new Map(rows.map((r) => [r.code, {
    partnerships: r.partnerships,
    partnershipSuggestionsAdopted: r.suggestions,
    partnershipResourcesShared: r.resources,
    partnershipProblemsSolved: r.problems,
  }]));
}
