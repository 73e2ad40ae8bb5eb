import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, byIdLoader, childrenLoader, crudResolver, parentRegion, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { ServiceStation, ServiceStationVisit } from './service-station.entity.js';
import {
  checkServiceStation,
  checkServiceStationVisit,
  CreateServiceStationInput,
  CreateServiceStationVisitInput,
  ServiceStationListArgs,
  ServiceStationVisitListArgs,
  UpdateServiceStationInput,
  UpdateServiceStationVisitInput,
} from './service-station.inputs.js';

/** serviceStations / serviceStation / createServiceStation / updateServiceStation / deleteServiceStation. */
@Resolver(() => ServiceStation)
export class ServiceStationResolver extends crudResolver({
  sector: 'communities',
  entity: ServiceStation,
  typeName: 'ServiceStation',
  listName: 'serviceStations',
  createInput: CreateServiceStationInput,
  // The community stays fixed: the update input has no communityId, so the stored one is re-checked.
  updateInput: UpdateServiceStationInput,
  listArgs: ServiceStationListArgs,
  check: checkServiceStation,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
  },
}) {
  @FieldResolver(() => Community, { nullable: true })
  community(@Root() s: ServiceStation, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(s.communityId);
  }

  @FieldResolver(() => [ServiceStationVisit], { description: 'Visit records, newest first' })
  visits(@Root() s: ServiceStation, @Ctx() ctx: RequestContext): Promise<ServiceStationVisit[]> {
    return childrenLoader(ctx, ServiceStationVisit, 'stationId', { visitedOn: 'DESC', id: 'ASC' }).load(s.id);
  }
}

/** serviceStationVisits / … / deleteServiceStationVisit. */
@Resolver(() => ServiceStationVisit)
export class ServiceStationVisitResolver extends crudResolver({
  sector: 'communities',
  entity: ServiceStationVisit,
  typeName: 'ServiceStationVisit',
  batchMax: BATCH_MAX,
  listName: 'serviceStationVisits',
  createInput: CreateServiceStationVisitInput,
  updateInput: UpdateServiceStationVisitInput,
  listArgs: ServiceStationVisitListArgs,
  check: checkServiceStationVisit,
  place: (values, ctx) => parentRegion(ctx, ServiceStation, 'ServiceStation', values.stationId, 'input.stationId'),
  filter: (qb, args) => {
    if (args.stationId) qb.andWhere('r.station_id = :stationId', { stationId: args.stationId });
  },
}) {
  @FieldResolver(() => ServiceStation, { nullable: true })
  station(@Root() v: ServiceStationVisit, @Ctx() ctx: RequestContext): Promise<ServiceStation | null> {
    return byIdLoader(ctx, ServiceStation).load(v.stationId);
  }
}

/** `Community.serviceStations`, batched. */
export const stationsOf = (ctx: RequestContext, communityId: string) => childrenLoader(ctx, ServiceStation, 'communityId').load(communityId);
