import { SectorCommitmentStats } from '@pb/kit';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count for one category' })
export class CategoryCount {
  @Field()
  category: string;

  @Field(() => Int)
  count: number;
}
import { Sector } from '@pb/kit';

@ObjectType({ description: 'A count for one sector' })
export class SectorCount {
  @Field(() => Sector)
  sector: Sector;

  @Field(() => Int)
  count: number;
}


@ObjectType({ description: 'Community party-building figures (城市社区党建) of a region and period' })
export class CommunityStats extends SectorCommitmentStats {
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

  @Field(() => Int, { description: 'Demands collected in the period (需求收集)' })
  demandsCollected: number;

  @Field(() => Int, { description: 'Demands resolved in the period (办结)' })
  demandsResolved: number;

  @Field(() => Float, { nullable: true, description: 'Of the demands collected in the period, the share resolved by its end; null when none were collected' })
  demandResolutionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from collection to resolution, over demands resolved in the period' })
  demandMedianDaysToResolve: number | null;

  @Field(() => Float, { nullable: true, description: 'Average satisfaction (1..5) given at feedback in the period' })
  demandAverageSatisfaction: number | null;

  @Field(() => Int, { description: 'Deliberation meetings held in the period (议事会)' })
  meetingsHeld: number;

  @Field(() => Int, { description: 'Disputes whose mediation began in the period (调解矛盾纠纷)' })
  disputesMediated: number;

  @Field(() => Int, { description: 'Disputes resolved in the period (化解)' })
  disputesResolved: number;

  @Field(() => [CategoryCount], { description: 'disputesMediated by category: NEIGHBOR, PROPERTY, MARRIAGE_FAMILY, OTHER (zeros included)' })
  disputesByCategory: CategoryCount[];

  @Field(() => Float, { nullable: true, description: 'Of the disputes mediated in the period, the share resolved by its end' })
  disputeResolutionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Of the disputes resolved in the period, the share settled within the grid (小事不出网格)' })
  disputesSettledInGridRate: number | null;

  @Field(() => Int, { description: 'Community partnerships (结对共建) paired by the period end with at least one of their two communities in the region; each counted once' })
  partnerships: number;

  @Field(() => Int, { description: 'Suggestions adopted (意见建议被采纳) so far by those partnerships' })
  partnershipSuggestionsAdopted: number;

  @Field(() => Int, { description: 'Shared resources used (共享资源) so far by those partnerships' })
  partnershipResourcesShared: number;

  @Field(() => Int, { description: 'Problems solved together (共解难题) so far by those partnerships' })
  partnershipProblemsSolved: number;

  @Field(() => Int, { description: 'Services claimed in the period (认领服务 / 微心愿)' })
  serviceClaims: number;

  @Field(() => Int, { description: 'Claimed services completed in the period' })
  serviceClaimsCompleted: number;

  @Field(() => Int, { description: 'Households visited (入户) by the claims completed in the period' })
  serviceClaimHouseholdsVisited: number;

  @Field(() => Int, { description: 'Difficulties solved for residents (解决实际困难) by the claims completed in the period (sum)' })
  serviceClaimProblemsSolved: number;

  @Field(() => Int, { description: 'Resources on the resource list (资源清单) at the period end' })
  resources: number;

  @Field(() => Int, { description: 'Service projects (项目清单: a demand matched to resources) started in the period' })
  serviceProjects: number;

  @Field(() => Int, { description: 'Service projects completed in the period' })
  serviceProjectsCompleted: number;

  @Field(() => Int, { description: 'Party-mass service stations (党群服务驿站/五邻驿站) open at the period end' })
  serviceStations: number;

  @Field(() => Int, { description: 'Residents served at those stations on days inside the period' })
  serviceStationVisitors: number;

  @Field(() => Int, { description: 'Property companies (物业) registered in the region' })
  propertyCompanies: number;

  @Field(() => Int, { description: 'Of those, 红色物业: companies with their own party branch' })
  redPropertyCompanies: number;

  @Field(() => Int, { nullable: true, description: 'Resident population (常住人口) of exactly this division at the period end (the latest record entered by an ADMIN on or before it); null when unknown' })
  residents: number | null;

  @Field(() => Int, { nullable: true, description: 'Households (户数) of exactly this division at the period end; null when unknown' })
  households: number | null;

  @Field(() => Float, { nullable: true, description: 'partyMembers per 10,000 residents; null where the population is unknown' })
  partyMembersPer10kResidents: number | null;

  @Field(() => Float, { nullable: true, description: 'registeredMembers (双报到 party members) per 10,000 residents; null where the population is unknown' })
  registeredMembersPer10kResidents: number | null;

  @Field(() => Float, { nullable: true, description: 'volunteerHours per 10,000 residents; null where the population is unknown' })
  volunteerHoursPer10kResidents: number | null;

  @Field(() => Float, { nullable: true, description: 'partyOrganizationMembers per 10,000 residents; null where the population is unknown' })
  partyOrganizationMembersPer10kResidents: number | null;
}
