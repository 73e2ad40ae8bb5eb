import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum ServiceCategory {
  REPAIR = 'REPAIR',
  LEGAL_AID = 'LEGAL_AID',
  HARDSHIP_SUPPORT = 'HARDSHIP_SUPPORT',
  TUTORING = 'TUTORING',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}
registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: '水电维修 REPAIR, 法律援助 LEGAL_AID, 困难帮扶 HARDSHIP_SUPPORT, 作业辅导 TUTORING, 义诊上门 HEALTH, 其他 OTHER',
});

export enum ServiceClaimStatus {
  CLAIMED = 'CLAIMED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ServiceClaimStatus, { name: 'ServiceClaimStatus', description: '已认领 CLAIMED → 已完成 COMPLETED' });

@ObjectType({ description: 'Service claim (认领服务 / 微心愿): a registered unit or a party member claims a service or a resident\'s small wish and carries it out' })
@Entity({ name: 'service_claim' })
export class ServiceClaim extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => ID, { nullable: true, description: 'The registration (双报到) of the claiming unit with this community; null when a member claims' })
  @Column({ name: 'dual_registration_id', type: 'uuid', nullable: true })
  dualRegistrationId: string | null;

  /** Personal data (the claiming member's name): exposed masked by the resolver. */
  @Column({ name: 'member_name', type: 'text', nullable: true })
  memberName: string | null;

  @Field(() => ServiceCategory)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Field({ description: 'What is claimed (服务内容 / 心愿)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => ServiceClaimStatus, { description: 'Changed only by completeServiceClaim' })
  @Column({ type: 'text' })
  status: ServiceClaimStatus;

  @Field(() => DateScalar, { description: 'Claimed on (认领)' })
  @Column({ name: 'claimed_on', type: 'date' })
  claimedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Completed on (完成)' })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Field(() => Int, { description: 'Households visited to carry it out (入户)' })
  @Column({ name: 'households_visited', type: 'integer' })
  householdsVisited: number;

  @Field(() => Int, { description: 'Difficulties solved for residents (解决实际困难) by carrying it out; 0 when not reported. One claim may carry a total a source reports for many' })
  @Column({ name: 'problems_solved', type: 'integer', default: 0 })
  problemsSolved: number;
}
