import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { ServiceItem } from './service-item.entity.js';
import { checkServiceItem, CreateServiceItemInput, placeServiceItem, ServiceItemListArgs, UpdateServiceItemInput } from './service-item.inputs.js';

/** serviceItems / serviceItem / create… / update… / delete…. */
@Resolver(() => ServiceItem)
export class ServiceItemResolver extends crudResolver({
  sector: 'soes',
  entity: ServiceItem,
  typeName: 'ServiceItem',
  listName: 'serviceItems',
  createInput: CreateServiceItemInput,
  updateInput: UpdateServiceItemInput,
  listArgs: ServiceItemListArgs,
  check: checkServiceItem,
  place: placeServiceItem,
  filter: (qb, args) => {
    if (args.serviceCenterId) qb.andWhere('r.service_center_id = :c', { c: requireId(args.serviceCenterId, 'serviceCenterId') });
    if (args.kind) qb.andWhere('r.kind = :k', { k: args.kind });
  },
}) {
  @FieldResolver(() => ServiceCenter, { nullable: true })
  serviceCenter(@Root() i: ServiceItem, @Ctx() ctx: RequestContext): Promise<ServiceCenter | null> {
    return byIdLoader(ctx, ServiceCenter).load(i.serviceCenterId);
  }
}
