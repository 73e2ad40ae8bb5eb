import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, parentRegion, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { Resource } from '../resources/resource.entity.js';
import { ServiceProject } from './service-project.entity.js';
import { checkServiceProject, CreateServiceProjectInput, ServiceProjectListArgs, UpdateServiceProjectInput } from './service-project.inputs.js';

/** serviceProjects / serviceProject / create… / update… / delete…. */
@Resolver(() => ServiceProject)
export class ServiceProjectResolver extends crudResolver({
  sector: 'communities',
  entity: ServiceProject,
  typeName: 'ServiceProject',
  listName: 'serviceProjects',
  createInput: CreateServiceProjectInput,
  updateInput: UpdateServiceProjectInput,
  listArgs: ServiceProjectListArgs,
  check: checkServiceProject,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.demandId) qb.andWhere('r.demand_id = :demandId', { demandId: args.demandId });
  },
}) {
  @FieldResolver(() => Demand, { nullable: true })
  demand(@Root() p: ServiceProject, @Ctx() ctx: RequestContext): Promise<Demand | null> {
    return byIdLoader(ctx, Demand).load(p.demandId);
  }

  @FieldResolver(() => [Resource], { description: 'The matched resources (deleted ones drop out)' })
  async resources(@Root() p: ServiceProject, @Ctx() ctx: RequestContext): Promise<Resource[]> {
    const found = await byIdLoader(ctx, Resource).loadMany(p.resourceIds);
    return found.filter((r): r is Resource => r != null && !(r instanceof Error));
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() p: ServiceProject, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(p.communityId);
  }
}
