import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({
  description:
    'Community partnership (结对共建 / 共建合作区): two communities paired so that an established one and a newer one plan together (思路共谋), share resources (资源共享) and solve problems together (难题共解). It lies in the smallest region holding both communities.',
})
@Entity({ name: 'community_partnership' })
export class CommunityPartnership extends RegionalRecord {
  @Field(() => ID, { description: 'One community of the pair' })
  @Column({ name: 'community_a_id', type: 'uuid' })
  communityAId: string;

  @Field(() => ID, { description: 'The other community of the pair' })
  @Column({ name: 'community_b_id', type: 'uuid' })
  communityBId: string;

  @Field(() => String, { nullable: true, description: 'Name of the partnership or cooperation zone (共建合作区), if it has one' })
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Paired on (结对日期); unknown means it existed throughout any period' })
  @Column({ name: 'paired_on', type: 'date', nullable: true })
  pairedOn: string | null;

  @Field(() => Int, { description: 'Suggestions put forward and adopted so far (合理化意见建议被采纳)' })
  @Column({ name: 'suggestions_adopted', type: 'integer' })
  suggestionsAdopted: number;

  @Field(() => Int, { description: 'Shared resources used so far (协调使用共享资源)' })
  @Column({ name: 'resources_shared', type: 'integer' })
  resourcesShared: number;

  @Field(() => Int, { description: 'Governance and service problems solved together so far (共商共解难题)' })
  @Column({ name: 'problems_solved', type: 'integer' })
  problemsSolved: number;
}
