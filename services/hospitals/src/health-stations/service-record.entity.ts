import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum StationServiceKind {
  HOME_VISIT = 'HOME_VISIT',
  BASIC_CARE = 'BASIC_CARE',
  HEALTH_EDUCATION = 'HEALTH_EDUCATION',
  POLICY_CONSULTATION = 'POLICY_CONSULTATION',
}
registerEnumType(StationServiceKind, {
  name: 'StationServiceKind',
  description: '上门诊疗 HOME_VISIT, 基本医疗服务 BASIC_CARE (blood pressure, blood sugar…), 健康宣教 HEALTH_EDUCATION, 政策咨询 POLICY_CONSULTATION',
});

@ObjectType({ description: 'Services a health station (健康驿站) gave on a day, of one kind' })
@Entity({ name: 'station_service_record' })
export class StationServiceRecord extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @Field(() => DateScalar)
  @Column({ name: 'served_on', type: 'date' })
  servedOn: string;

  @Field(() => StationServiceKind)
  @Column({ type: 'text' })
  kind: StationServiceKind;

  @Field(() => Int, { description: 'Services given (人次)' })
  @Column({ type: 'integer' })
  services: number;
}
