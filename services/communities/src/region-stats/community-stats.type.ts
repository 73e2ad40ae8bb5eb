import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Community party-building figures (城市社区党建) of a region and period' })
export class CommunityStats {
  @Field(() => Int, { description: 'Communities existing at the period end' })
  communities: number;

  @Field(() => Int, { description: 'Party members of those communities (党员人数)' })
  partyMembers: number;

  @Field(() => Int, { description: 'Grids (网格) existing at the period end' })
  grids: number;

  @Field(() => Int, { description: 'Grid party branches (网格党支部) existing at the period end' })
  gridPartyBranches: number;

  @Field(() => Int, { description: 'Building party groups (楼栋党小组) existing at the period end' })
  buildingPartyGroups: number;

  @Field(() => Int, { description: 'Party member households (党员中心户) designated by the period end' })
  partyMemberHouseholds: number;
}
