import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type RequestContext, Sector } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { VolunteerActivity } from '../volunteer-activities/volunteer-activity.entity.js';
import { Enterprise } from './enterprise.entity.js';

/** An enterprise's own records, each list one batched statement per page of enterprises. */
@Resolver(() => Enterprise)
export class EnterpriseRelationsResolver {
  @FieldResolver(() => [ServiceCenter], { description: 'Service centres it runs (初心驿站 / 国企党群服务中心)' })
  serviceCenters(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<ServiceCenter[]> {
    return childrenLoader(ctx, ServiceCenter, 'enterpriseId', { openedOn: 'ASC', id: 'ASC' }).load(e.id);
  }

  @FieldResolver(() => [VolunteerActivity], { description: 'Volunteer activities it organised, oldest first' })
  async volunteerActivities(@Root() e: Enterprise, @Ctx() ctx: RequestContext): Promise<VolunteerActivity[]> {
    const rows = await childrenLoader(ctx, VolunteerActivity, 'organizerId', { heldOn: 'ASC', id: 'ASC' }).load(e.id);
    // Ids are uuids, so another sector's unit never shares one; the filter states the intent.
    return rows.filter((a) => a.organizerSector === Sector.SOE);
  }
}
