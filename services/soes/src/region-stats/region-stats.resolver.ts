import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { loadStats, PeriodInput, Region, type RequestContext, requestedFields, toPeriod, Public } from '@pb/kit';
import { computeSoeStats } from './soe-stats.sql.js';
import { SoeStats } from './soe-stats.type.js';

/** Adds the SOE sector's figures to the shared Region entity. */
@Resolver(() => Region)
export class SoeRegionResolver {
  @Public()
  @FieldResolver(() => SoeStats, {
    nullable: true,
    description: 'State-owned-enterprise figures (国企) rolled up over the region. Null only when this sector could not answer (its subgraph is down): the errors say so, and the other sectors still answer.',
  })
  soeStats(
    @Root() region: Region,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SoeStats> {
    return loadStats(ctx, 'soes', computeSoeStats, region.code, toPeriod(period), requestedFields(info));
  }
}
