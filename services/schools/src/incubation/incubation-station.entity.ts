import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Party-building demonstration incubation station (中小学校党建示范孵化驿站): a host school that coaches other schools' })
@Entity({ name: 'incubation_station' })
export class IncubationStation extends RegionalRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => ID, { description: 'The host school (依托学校); the station sits in its region' })
  @Column({ name: 'host_school_id', type: 'uuid' })
  hostSchoolId: string;

  @Field(() => [ID], { description: 'Schools it incubates (孵化学校), not including the host' })
  @Column({ name: 'incubated_school_ids', type: 'uuid', array: true })
  incubatedSchoolIds: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Set up on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
