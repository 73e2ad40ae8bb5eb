import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum DemandStatus {
  COLLECTED = 'COLLECTED',
  DELIBERATING = 'DELIBERATING',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  FEEDBACK = 'FEEDBACK',
}
registerEnumType(DemandStatus, {
  name: 'DemandStatus',
  description: '收集 COLLECTED → 协商 DELIBERATING → 落实 IN_PROGRESS → 办结 RESOLVED → 反馈 FEEDBACK',
});

export enum DemandChannel {
  DOOR_TO_DOOR = 'DOOR_TO_DOOR',
  WECHAT_GROUP = 'WECHAT_GROUP',
  QR_SURVEY = 'QR_SURVEY',
  MEETING = 'MEETING',
  HOTLINE = 'HOTLINE',
  OTHER = 'OTHER',
}
registerEnumType(DemandChannel, {
  name: 'DemandChannel',
  description: 'How a demand was collected: 入户走访 DOOR_TO_DOOR, 微信群 WECHAT_GROUP, 扫码问卷 QR_SURVEY, 议事会 MEETING, 热线 HOTLINE, 其他 OTHER',
});

@ObjectType({ description: "Demand (需求清单): what residents asked for, followed 收集—协商—落实—反馈" })
@Entity({ name: 'demand' })
export class Demand extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field({ description: 'What was asked for (需求)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DemandChannel)
  @Column({ type: 'text' })
  channel: DemandChannel;

  @Field(() => DemandStatus, { description: 'Changed only by advanceDemand' })
  @Column({ type: 'text' })
  status: DemandStatus;

  @Field(() => DateScalar, { description: 'Collected on (收集)' })
  @Column({ name: 'collected_on', type: 'date' })
  collectedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Deliberation began (协商)' })
  @Column({ name: 'deliberating_on', type: 'date', nullable: true })
  deliberatingOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Work began (落实)' })
  @Column({ name: 'in_progress_on', type: 'date', nullable: true })
  inProgressOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Resolved (办结)' })
  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Residents gave feedback (反馈)' })
  @Column({ name: 'feedback_on', type: 'date', nullable: true })
  feedbackOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction given at feedback, 1 (very unsatisfied) to 5 (very satisfied)' })
  @Column({ type: 'integer', nullable: true })
  satisfaction: number | null;
}
