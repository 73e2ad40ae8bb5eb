import { SectorConceptStats } from '@pb/kit';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Stock figures look at the period end (no end = now); event figures add up what is dated
 * inside the period. Each description says which.
 */
@ObjectType({ description: 'State-owned-enterprise party-building figures (国企党建) of a region and period' })
export class SoeStats extends SectorConceptStats {
  @Field(() => Int, { description: 'Stock: state-owned enterprises (and branches) existing at the period end' })
  enterprises: number;

  @Field(() => Int, { description: 'Stock: service centres (初心驿站 / 国企党群服务中心) opened on or before the period end' })
  serviceCenters: number;

  @Field(() => Int, { description: 'Stock: convenience services (便民服务项目) those centres offered at the period end (offered since that day or earlier, or since an unknown date)' })
  serviceItems: number;

  @Field(() => Int, { description: 'Event: visitors (接待群众人次) of the visit records dated inside the period; a monthly record counts when its first day is inside' })
  serviceCenterVisits: number;
  // volunteerActivities, volunteers, peopleServedByVolunteers (and volunteerHours) come from SectorConceptStats.
}
