import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Resolver, Root } from 'type-graphql';
import { loadStats, PeriodInput, Region, type RequestContext, requestedFields, statsScope, toPeriod, Public } from '@pb/kit';
import { signedPer10k } from './hospital-stats.reference.js';
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
  async hospitalStats(
    @Root() region: Region,
    @Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HospitalStats> {
    const p = toPeriod(period);
    const stats = await loadStats(ctx, 'hospitals', computeHospitalStats, region.code, p, requestedFields(info));
    return { ...stats, scope: statsScope(region.code, p) };
  }
}

/** The rates that divide by the population, which the gateway brings from the communities subgraph (`@requires`). */
@Resolver(() => HospitalStats)
export class HospitalStatsResolver {
  @FieldResolver(() => Float, { nullable: true })
  signedResidentsPer10kResidents(@Root() stats: HospitalStats): number | null {
    return signedPer10k(stats);
  }
}
