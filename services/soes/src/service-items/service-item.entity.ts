import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum ServiceItemKind {
  FOOD_HEATING = 'FOOD_HEATING',
  PARCEL_STORAGE = 'PARCEL_STORAGE',
  FAX_PRINT = 'FAX_PRINT',
  FREE_WIFI = 'FREE_WIFI',
  HOT_WATER = 'HOT_WATER',
  PHONE_CHARGING = 'PHONE_CHARGING',
  OTHER = 'OTHER',
}
registerEnumType(ServiceItemKind, {
  name: 'ServiceItemKind',
  description: '餐食加热 FOOD_HEATING, 快递存放 PARCEL_STORAGE, 传真打印 FAX_PRINT, 免费Wi-Fi FREE_WIFI, 饮用热水 HOT_WATER, 手机充电 PHONE_CHARGING, 其他 OTHER',
});

@ObjectType({ description: 'Convenience service (便民服务项目) a service centre offers' })
@Entity({ name: 'service_item' })
export class ServiceItem extends RegionalRecord {
  @Field(() => ID, { description: 'The service centre (初心驿站) offering it; the item sits in its region' })
  @Column({ name: 'service_center_id', type: 'uuid' })
  serviceCenterId: string;

  @Field(() => ServiceItemKind)
  @Column({ type: 'text' })
  kind: ServiceItemKind;

  @Field({ description: 'Name (名称), e.g. 餐食加热' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => DateScalar, { nullable: true, description: 'Offered since; unknown means since the centre opened' })
  @Column({ name: 'offered_since', type: 'date', nullable: true })
  offeredSince: string | null;
}
