import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { ServiceItem } from '../service-items/service-item.entity.js';
import { ServiceCenterVisit } from '../visits/service-center-visit.entity.js';
import { ServiceCenter } from './service-center.entity.js';
import { checkServiceCenter, CreateServiceCenterInput, placeServiceCenter, ServiceCenterListArgs, UpdateServiceCenterInput } from './service-center.inputs.js';

/** serviceCenters / serviceCenter / create… / update… / delete…, and the centre's relations. */
@Resolver(() => ServiceCenter)
export class ServiceCenterResolver extends crudResolver({
  sector: 'soes',
  entity: ServiceCenter,
  typeName: 'ServiceCenter',
  listName: 'serviceCenters',
  createInput: CreateServiceCenterInput,
  updateInput: UpdateServiceCenterInput,
  listArgs: ServiceCenterListArgs,
  check: checkServiceCenter,
  place: placeServiceCenter,
  filter: (qb, args) => {
    if (args.enterpriseId) qb.andWhere('r.enterprise_id = :e', { e: requireId(args.enterpriseId, 'enterpriseId') });
    if (args.openToPublic != null) qb.andWhere('r.open_to_public = :o', { o: args.openToPublic });
  },
}) {
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise running the centre' })
  enterprise(@Root() c: ServiceCenter, @Ctx() ctx: RequestContext): Promise<Enterprise | null> {
    return byIdLoader(ctx, Enterprise).load(c.enterpriseId);
  }

  @FieldResolver(() => [ServiceItem], { description: 'Its convenience services (便民服务项目)' })
  items(@Root() c: ServiceCenter, @Ctx() ctx: RequestContext): Promise<ServiceItem[]> {
    return childrenLoader(ctx, ServiceItem, 'serviceCenterId', { name: 'ASC', id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => [ServiceCenterVisit], { description: 'Its visit records, oldest first (the serviceCenterVisits list pages through them)' })
  visits(@Root() c: ServiceCenter, @Ctx() ctx: RequestContext): Promise<ServiceCenterVisit[]> {
    return childrenLoader(ctx, ServiceCenterVisit, 'serviceCenterId', { visitedOn: 'ASC', id: 'ASC' }).load(c.id);
  }
}
