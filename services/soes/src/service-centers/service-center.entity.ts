import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum FunctionalZone {
  READING_REST = 'READING_REST',
  FARM_PRODUCT_SHOWCASE = 'FARM_PRODUCT_SHOWCASE',
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  PARTY_ACTIVITY = 'PARTY_ACTIVITY',
}
registerEnumType(FunctionalZone, {
  name: 'FunctionalZone',
  description: 'Area of a service centre: 阅读休息 READING_REST, 助农产品展示 FARM_PRODUCT_SHOWCASE, 志愿服务 VOLUNTEER_SERVICE, 党员活动 PARTY_ACTIVITY',
});

@ObjectType({ description: 'SOE party-and-public service centre (初心驿站 / 国企党群服务中心) run by an enterprise' })
@Entity({ name: 'service_center' })
export class ServiceCenter extends RegionalRecord {
  @Field(() => ID, { description: 'The enterprise (国有企业) running it; the centre sits in its region' })
  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Field({ description: 'Name (名称), e.g. 初心驿站' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => DateScalar, { description: 'Opened on (启用日期); the centre counts from this day' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field({ description: 'Open to the public (面向社会开放), not only to staff' })
  @Column({ name: 'open_to_public', type: 'boolean' })
  openToPublic: boolean;

  @Field(() => [FunctionalZone], { description: 'Functional zones (功能区)' })
  @Column({ name: 'functional_zones', type: 'text', array: true })
  functionalZones: FunctionalZone[];
}
