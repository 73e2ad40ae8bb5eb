import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Community party-building figures (城市社区党建) of a region and period' })
export class CommunityStats {
  @Field(() => Int, { description: 'Communities existing at the period end' })
  communities: number;

  @Field(() => Int, { description: 'Party members of those communities (党员人数)' })
  partyMembers: number;
}
