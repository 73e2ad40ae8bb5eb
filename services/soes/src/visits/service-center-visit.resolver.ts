import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { ServiceCenterVisit } from './service-center-visit.entity.js';
import {
  checkServiceCenterVisit,
  CreateServiceCenterVisitInput,
  placeServiceCenterVisit,
  ServiceCenterVisitListArgs,
  UpdateServiceCenterVisitInput,
} from './service-center-visit.inputs.js';

/** serviceCenterVisits / serviceCenterVisit / create… / update… / delete…. */
@Resolver(() => ServiceCenterVisit)
export class ServiceCenterVisitResolver extends crudResolver({
  sector: 'soes',
  entity: ServiceCenterVisit,
  typeName: 'ServiceCenterVisit',
  batchMax: BATCH_MAX,
  ledger: { parents: [{ field: 'serviceCenterId', entity: ServiceCenter, term: '服务中心' }] },
  listName: 'serviceCenterVisits',
  createInput: CreateServiceCenterVisitInput,
  updateInput: UpdateServiceCenterVisitInput,
  listArgs: ServiceCenterVisitListArgs,
  check: checkServiceCenterVisit,
  place: placeServiceCenterVisit,
  filter: (qb, args) => {
    if (args.serviceCenterId) qb.andWhere('r.service_center_id = :c', { c: requireId(args.serviceCenterId, 'serviceCenterId') });
  },
}) {
  @FieldResolver(() => ServiceCenter, { nullable: true })
  serviceCenter(@Root() v: ServiceCenterVisit, @Ctx() ctx: RequestContext): Promise<ServiceCenter | null> {
    return byIdLoader(ctx, ServiceCenter).load(v.serviceCenterId);
  }
}
