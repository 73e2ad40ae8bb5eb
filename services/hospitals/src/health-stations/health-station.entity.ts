import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum HealthStationOrigin {
  NEW = 'NEW',
  CONVERTED_TESTING_BOOTH = 'CONVERTED_TESTING_BOOTH',
  IN_COMMUNITY_CENTRE = 'IN_COMMUNITY_CENTRE',
}
registerEnumType(HealthStationOrigin, {
  name: 'HealthStationOrigin',
  description: 'How the station came to be: 新建 NEW, 核酸检测亭改造 CONVERTED_TESTING_BOOTH, 设在社区党群服务中心 IN_COMMUNITY_CENTRE',
});

@ObjectType({ description: 'Health station (健康驿站) staffed on rotation by medical institutions, serving residents near home' })
@Entity({ name: 'health_station' })
export class HealthStation extends RegionalRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Address or venue (地点)' })
  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Field(() => ID, { nullable: true, description: 'Community served, from the communities subgraph' })
  @Column({ name: 'community_id', type: 'uuid', nullable: true })
  communityId: string | null;

  @Field(() => DateScalar, { description: 'Opened on (启用日期)' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => HealthStationOrigin)
  @Column({ type: 'text' })
  origin: HealthStationOrigin;

  @Field(() => [ID], { description: 'Institutions that staff it on rotation (轮流坐诊)' })
  @Column({ name: 'staff_hospital_ids', type: 'uuid', array: true })
  staffHospitalIds: string[];
}
