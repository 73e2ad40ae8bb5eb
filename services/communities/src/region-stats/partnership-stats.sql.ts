import { existedBySql, type RequestContext, requestedRegionsSql, withinRegionSql } from '@pb/kit';

interface PartnershipRow { code: string; partnerships: number; suggestions: number; resources: number; problems: number }

/**
 * 结对共建 at the period end (paired by then), for every requested region in one statement: a
 * partnership counts in a region when at least one of its two communities is inside it, and
 * once only (a region holding both communities sees one partnership, not two).
 */
export async function partnershipFigures(ctx: RequestContext, codes: readonly string[], to: string | null) {
  const rows: PartnershipRow[] = await ctx.db.query(
    `SELECT q.code, x.*
       FROM ${requestedRegionsSql('$1')}
       CROSS JOIN LATERAL (
         SELECT count(p.id)::int AS partnerships,
                coalesce(sum(p.suggestions_adopted), 0)::int AS suggestions,
                coalesce(sum(p.resources_shared), 0)::int AS resources,
                coalesce(sum(p.problems_solved), 0)::int AS problems
           FROM community_partnership p
          WHERE ${existedBySql('p.paired_on', '$2')}
            AND (p.community_a_id IN (SELECT c.id FROM community c WHERE ${withinRegionSql('c.region_code', 'q.code')})
              OR p.community_b_id IN (SELECT c.id FROM community c WHERE ${withinRegionSql('c.region_code', 'q.code')}))) x`,
    [codes, to],
  );
  return new Map(rows.map((r) => [r.code, {
    partnerships: r.partnerships,
    partnershipSuggestionsAdopted: r.suggestions,
    partnershipResourcesShared: r.resources,
    partnershipProblemsSolved: r.problems,
  }]));
}
