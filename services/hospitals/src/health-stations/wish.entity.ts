import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, StatusFlow, Personal } from '@pb/kit';

export enum WishStatus {
  POSTED = 'POSTED',
  CLAIMED = 'CLAIMED',
  FULFILLED = 'FULFILLED',
}
registerEnumType(WishStatus, { name: 'WishStatus', description: 'Closed loop of a wish: 已张贴 POSTED → 已认领 CLAIMED → 已办结 FULFILLED' });

export const WISH_FLOW = new StatusFlow<WishStatus>('wish', {
  POSTED: [WishStatus.CLAIMED, WishStatus.FULFILLED],
  CLAIMED: [WishStatus.FULFILLED],
  FULFILLED: [],
});

@ObjectType({ description: "A resident's health request on a station's wish wall (心愿墙)" })
@Entity({ name: 'station_wish' })
export class StationWish extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'station_id', type: 'uuid' })
  stationId: string;

  @Field(() => DateScalar)
  @Column({ name: 'posted_on', type: 'date' })
  postedOn: string;

  @Field({ description: 'What the resident asks for' })
  @Column({ type: 'text' })
  request: string;

  @Personal('name')
  @Field(() => String, { nullable: true, description: 'Resident; masked unless ADMIN or an editor of the record' })
  @Column({ name: 'resident_name', type: 'text', nullable: true })
  residentName: string | null;

  @Field(() => WishStatus)
  @Column({ type: 'text' })
  status: WishStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Fulfilled on; set when FULFILLED' })
  @Column({ name: 'fulfilled_on', type: 'date', nullable: true })
  fulfilledOn: string | null;
}
