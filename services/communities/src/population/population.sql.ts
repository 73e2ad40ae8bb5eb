import { type RequestContext } from '@pb/kit';
import { RegionPopulation } from './region-population.entity.js';

/** The latest population record of each of exactly these divisions on or before `day` (null = any): one statement. */
export async function latestPopulation(ctx: RequestContext, codes: readonly string[], day: string | null): Promise<Map<string, RegionPopulation>> {
  const rows = await ctx.db
    .getRepository(RegionPopulation)
    .createQueryBuilder('p')
    .distinctOn(['p.region_code'])
    .where('p.region_code = ANY(:codes)', { codes })
    .andWhere('(:day::date IS NULL OR p.as_of <= :day::date)', { day })
    .orderBy('p.region_code')
    .addOrderBy('p.as_of', 'DESC')
    .addOrderBy('p.updated_at', 'DESC')
    .getMany();
  return new Map(rows.map((r) => [r.regionCode, r]));
}
