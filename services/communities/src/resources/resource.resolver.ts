import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, parentRegion, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { Resource } from './resource.entity.js';
import { checkResource, CreateResourceInput, ResourceListArgs, UpdateResourceInput } from './resource.inputs.js';

/** resources / resource / createResource / updateResource / deleteResource. */
@Resolver(() => Resource)
export class ResourceResolver extends crudResolver({
  sector: 'communities',
  entity: Resource,
  typeName: 'Resource',
  listName: 'resources',
  createInput: CreateResourceInput,
  updateInput: UpdateResourceInput,
  listArgs: ResourceListArgs,
  check: checkResource,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.category) qb.andWhere('r.category = :category', { category: args.category });
  },
}) {
  @FieldResolver(() => DualRegistration, { nullable: true, description: "The offering unit's registration; its `unit` is the unit itself" })
  dualRegistration(@Root() r: Resource, @Ctx() ctx: RequestContext): Promise<DualRegistration | null> {
    return r.dualRegistrationId ? byIdLoader(ctx, DualRegistration).load(r.dualRegistrationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() r: Resource, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(r.communityId);
  }
}
