import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/** Its region is where the centre is (a township or village), not the running hospital's. */
@ObjectType({ description: 'Elder-care centre (医养结合中心) run by a hospital: care upstairs, the clinic downstairs (楼上养老、楼下看病)' })
@Entity({ name: 'elder_care_center' })
export class ElderCareCenter extends RegionalRecord {
  @Field(() => ID, { description: 'Hospital that runs it (举办医院)' })
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Address or venue (地点)' })
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Opened on (启用日期); unknown means it existed throughout any period' })
  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn: string | null;

  @Field(() => Int, { description: 'Beds (床位)' })
  @Column({ type: 'integer' })
  beds: number;
}
