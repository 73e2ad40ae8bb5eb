import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { loadStats, PeriodInput, Region, type RequestContext, requestedFields, toPeriod, Public } from '@pb/kit';
import { computeHospitalStats } from './hospital-stats.sql.js';
import { HospitalStats } from './hospital-stats.type.js';

/** Adds the hospital sector's figures to the shared Region entity. */
@Resolver(() => Region)
export class HospitalRegionResolver {
  @Public()
  @FieldResolver(() => HospitalStats, {
    nullable: true,
    description: 'Hospital-sector figures (卫健系统) rolled up over the region. Null only when this sector could not answer (its subgraph is down): the errors say so, and the other sectors still answer.',
  })
  hospitalStats(
    @Root() region: Region,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HospitalStats> {
    return loadStats(ctx, 'hospitals', computeHospitalStats, region.code, toPeriod(period), requestedFields(info));
  }
}
