import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/** The centre's routine, "四个一": each kind has its expected rhythm (weekly, monthly, yearly). */
export enum ElderCareActivityKind {
  WEEKLY_MENU = 'WEEKLY_MENU',
  WEEKLY_ROUND = 'WEEKLY_ROUND',
  MONTHLY_LECTURE = 'MONTHLY_LECTURE',
  YEARLY_CHECKUP = 'YEARLY_CHECKUP',
}
registerEnumType(ElderCareActivityKind, {
  name: 'ElderCareActivityKind',
  description: '"四个一": 每周一份健康食谱 WEEKLY_MENU, 每周一次轮流巡诊/查房 WEEKLY_ROUND, 每月一次健康讲座 MONTHLY_LECTURE, 每年一次健康体检 YEARLY_CHECKUP',
});

@ObjectType({ description: 'An activity of an elder-care centre\'s "四个一" routine (菜谱、查房、讲座、体检), on a date' })
@Entity({ name: 'elder_care_activity' })
export class ElderCareActivity extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'center_id', type: 'uuid' })
  centerId: string;

  @Field(() => ElderCareActivityKind)
  @Column({ type: 'text' })
  kind: ElderCareActivityKind;

  @Field(() => DateScalar, { description: 'Held on (日期): for a weekly menu, the first day of the week it covers' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { nullable: true, description: 'Residents who took part (参与人数), if recorded' })
  @Column({ type: 'integer', nullable: true })
  participants: number | null;

  @Field(() => String, { nullable: true, description: 'Note (备注), e.g. the lecture topic' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
