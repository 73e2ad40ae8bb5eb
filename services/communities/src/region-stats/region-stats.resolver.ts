import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { loadStats, PeriodInput, Region, type RequestContext, requestedFields, toPeriod, Public } from '@pb/kit';
import { computeCommunityStats } from './community-stats.sql.js';
import { CommunityStats } from './community-stats.type.js';

/** Adds the community sector's figures to the shared Region entity. */
@Resolver(() => Region)
export class CommunityRegionResolver {
  @Public()
  @FieldResolver(() => CommunityStats, {
    nullable: true,
    description: 'Community figures (城市社区) rolled up over the region. Null only when this sector could not answer (its subgraph is down): the errors say so, and the other sectors still answer.',
  })
  communityStats(
    @Root() region: Region,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommunityStats> {
    return loadStats(ctx, 'communities', computeCommunityStats, region.code, toPeriod(period), requestedFields(info));
  }
}
