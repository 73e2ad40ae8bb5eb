import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord, Sector } from '@pb/kit';

@ObjectType({ description: 'Volunteer service activity (志愿服务活动) at or around an SOE service centre; the organising unit may belong to any sector' })
@Entity({ name: 'volunteer_activity' })
export class VolunteerActivity extends RegionalRecord {
  @Field({ description: 'Title (活动名称)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => Sector, { description: 'Sector of the organising unit (组织单位); with organizerId it names the unit in its own subgraph' })
  @Column({ name: 'organizer_sector', type: 'text' })
  organizerSector: Sector;

  @Field(() => ID, { description: 'Id of the organising unit in its sector (an Enterprise id when organizerSector is SOE)' })
  @Column({ name: 'organizer_id', type: 'uuid' })
  organizerId: string;

  @Field(() => ID, { nullable: true, description: 'The service centre (初心驿站) it was held at, if any' })
  @Column({ name: 'service_center_id', type: 'uuid', nullable: true })
  serviceCenterId: string | null;

  @Field(() => DateScalar, { description: 'Held on (活动日期); the event date of volunteerActivities' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Volunteers taking part (志愿者人数)' })
  @Column({ type: 'int' })
  volunteers: number;

  @Field(() => Int, { description: 'People served (服务群众人次)' })
  @Column({ name: 'people_served', type: 'int' })
  peopleServed: number;
}
