import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Party-mass service station (党群服务驿站 / 五邻驿站 / 红星驿站) of a community: its windows and service items' })
@Entity({ name: 'service_station' })
export class ServiceStation extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field({ description: 'Name, e.g. 涺惠社区五邻驿站' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Brand of the station (五邻驿站, 红星驿站…)' })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field(() => Int, { description: 'Service windows (服务窗口)' })
  @Column({ type: 'integer' })
  windows: number;

  @Field(() => [String], { description: 'Service items offered (服务事项)' })
  @Column({ name: 'service_items', type: 'text', array: true })
  serviceItems: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Opened on; unknown means open throughout any period' })
  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn: string | null;
}

@ObjectType({ description: 'Visits to a service station on one day (驿站服务记录)' })
@Entity({ name: 'service_station_visit' })
export class ServiceStationVisit extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @Field(() => DateScalar)
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field(() => Int, { description: 'Residents served that day' })
  @Column({ type: 'integer' })
  visitors: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
