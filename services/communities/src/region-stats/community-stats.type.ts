import { Field, Int, ObjectType } from 'type-graphql';
import { Sector } from '@pb/kit';

@ObjectType({ description: 'A count for one sector' })
export class SectorCount {
  @Field(() => Sector)
  sector: Sector;

  @Field(() => Int)
  count: number;
}


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

  @Field(() => Int, { description: 'Distinct units with an active dual registration (双报到单位) to a community in the region at the period end' })
  registeredUnits: number;

  @Field(() => Int, { description: 'In-service party members (在职党员) those registrations bring' })
  registeredMembers: number;

  @Field(() => [SectorCount], { description: 'registeredUnits by the units\' sector (AGENCY, HOSPITAL, SCHOOL, SOE; zeros included)' })
  registeredUnitsBySector: SectorCount[];
}
