import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { loadStats, PeriodInput, Region, type RequestContext, requestedFields, toPeriod, Public } from '@pb/kit';
import { computeSchoolStats } from './school-stats.sql.js';
import { SchoolStats } from './school-stats.type.js';

/** Adds the school sector's figures to the shared Region entity. */
@Resolver(() => Region)
export class SchoolRegionResolver {
  @Public()
  @FieldResolver(() => SchoolStats, {
    nullable: true,
    description: 'School-sector figures (教育系统) rolled up over the region. Null only when this sector could not answer (its subgraph is down): the errors say so, and the other sectors still answer.',
  })
  schoolStats(
    @Root() region: Region,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SchoolStats> {
    return loadStats(ctx, 'schools', computeSchoolStats, region.code, toPeriod(period), requestedFields(info));
  }
}
