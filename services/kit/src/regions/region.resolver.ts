import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../auth/read-access.js';
import type { RequestContext } from '../context.js';
import { Region } from './region.entity.js';
import { regionChildrenLoader, regionLoader, requireRegion } from './region.loader.js';

/** `Query.region` and the division tree, identical in every subgraph (hence shareable). */
@Resolver(() => Region)
export class RegionResolver {
  @Directive('@shareable')
  @Public()
  @Query(() => Region, {
    nullable: true,
    description: 'A region by division code; zero-padded forms (610000, 610581000000) are accepted. Unknown codes are BAD_USER_INPUT.',
  })
  region(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<Region> {
    return requireRegion(ctx, code, 'code');
  }

  @Directive('@shareable')
  @Public()
  @FieldResolver(() => Region, { nullable: true, description: 'The division one level up (上级行政区划)' })
  parent(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region | null> | null {
    return region.parentCode ? regionLoader(ctx).load(region.parentCode) : null;
  }

  @Directive('@shareable')
  @Public()
  @FieldResolver(() => [Region], { description: 'Divisions one level down (下级行政区划), for drill-down' })
  children(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region[]> {
    return regionChildrenLoader(ctx).load(region.code);
  }
}

/** Federation entry point: the gateway sends `{ code }`, we answer with the full row. */
export const regionReference = {
  Region: {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => regionLoader(ctx).load(ref.code),
  },
};
