import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, byIdLoader, crudResolver, type RequestContext, requireId, Sector } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import {
  checkVolunteerActivity,
  CreateVolunteerActivityInput,
  UpdateVolunteerActivityInput,
  VolunteerActivityListArgs,
} from './volunteer-activity.inputs.js';

/** volunteerActivities / volunteerActivity / create… / update… / delete…. */
@Resolver(() => VolunteerActivity)
export class VolunteerActivityResolver extends crudResolver({
  sector: 'soes',
  entity: VolunteerActivity,
  typeName: 'VolunteerActivity',
  batchMax: BATCH_MAX,
  listName: 'volunteerActivities',
  createInput: CreateVolunteerActivityInput,
  updateInput: UpdateVolunteerActivityInput,
  listArgs: VolunteerActivityListArgs,
  check: checkVolunteerActivity,
  filter: (qb, args) => {
    if (args.organizerSector) qb.andWhere('r.organizer_sector = :s', { s: args.organizerSector });
    if (args.organizerId) qb.andWhere('r.organizer_id = :o', { o: requireId(args.organizerId, 'organizerId') });
    if (args.serviceCenterId) qb.andWhere('r.service_center_id = :c', { c: requireId(args.serviceCenterId, 'serviceCenterId') });
  },
}) {
  @FieldResolver(() => ServiceCenter, { nullable: true, description: 'Where it was held, if at a service centre' })
  serviceCenter(@Root() a: VolunteerActivity, @Ctx() ctx: RequestContext): Promise<ServiceCenter | null> {
    return a.serviceCenterId ? byIdLoader(ctx, ServiceCenter).load(a.serviceCenterId) : Promise.resolve(null);
  }

  @FieldResolver(() => Enterprise, {
    nullable: true,
    description: 'The organising enterprise, when organizerSector is SOE (other sectors\' units are in their own subgraphs)',
    deprecationReason: 'Each sector now records its own volunteer service; the organising unit is unitId',
  })
  organizingEnterprise(@Root() a: VolunteerActivity, @Ctx() ctx: RequestContext): Promise<Enterprise | null> {
    return a.organizerSector === Sector.SOE ? byIdLoader(ctx, Enterprise).load(a.organizerId) : Promise.resolve(null);
  }
}
