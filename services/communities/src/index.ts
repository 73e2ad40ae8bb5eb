import { MirrorCommunityPartyOrganizations1764000192000 } from './migrations/1764000192000-MirrorCommunityPartyOrganizations.js';
import 'reflect-metadata';
import { concepts } from './sector-concepts/sector-concepts.js';
import { CreateRegionPopulation1764000141000 } from './migrations/1764000141000-CreateRegionPopulation.js';
import { AddServiceClaimProblemsSolved1764000202000 } from './migrations/1764000202000-AddServiceClaimProblemsSolved.js';
import { FlagRegistrationsOfDeletedUnits1764000170001 } from './migrations/1764000170001-FlagRegistrationsOfDeletedUnits.js';
import { RegionPopulation } from './population/region-population.entity.js';
import { HospitalStatsPopulation, sectorStatsPopulationReferences } from './population/sector-stats-population.js';
import { RegionPopulationFieldResolver, RegionPopulationResolver } from './population/region-population.resolver.js';
import { AddRegionDateIndexes1763000021000 } from './migrations/1763000021000-AddRegionDateIndexes.js';
import { AddRecordSource1763000009000 } from './migrations/1763000009000-AddRecordSource.js';
import { CreateStationsAndPropertyCompanies1763000013000 } from './migrations/1763000013000-CreateStationsAndPropertyCompanies.js';
import { PropertyCompany } from './property-companies/property-company.entity.js';
import { PropertyCompanyResolver } from './property-companies/property-company.resolver.js';
import { ServiceStation, ServiceStationVisit } from './service-stations/service-station.entity.js';
import { ServiceStationResolver, ServiceStationVisitResolver } from './service-stations/service-station.resolver.js';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { Agency } from './agencies/agency.entity.js';
import { AgencyResolver } from './agencies/agency.resolver.js';
import { DualRegistration } from './dual-registrations/dual-registration.entity.js';
import { DualRegistrationResolver } from './dual-registrations/dual-registration.resolver.js';
import { EnterpriseUnit, HospitalUnit, REMOTE_UNIT_FEEDS, SchoolUnit, unitReferences } from './dual-registrations/registered-unit.js';
import { CreateDualRegistrations1763000003000 } from './migrations/1763000003000-CreateDualRegistrations.js';
import { Demand } from './demands/demand.entity.js';
import { DemandResolver } from './demands/demand.resolver.js';
import { Dispute } from './disputes/dispute.entity.js';
import { DisputeResolver } from './disputes/dispute.resolver.js';
import { Meeting } from './meetings/meeting.entity.js';
import { MeetingResolver } from './meetings/meeting.resolver.js';
import { CreateListsMeetingsDisputes1763000004000 } from './migrations/1763000004000-CreateListsMeetingsDisputes.js';
import { BuildingPartyGroup } from './building-party-groups/building-party-group.entity.js';
import { BuildingPartyGroupResolver } from './building-party-groups/building-party-group.resolver.js';
import { Community } from './communities/community.entity.js';
import { CommunityResolver } from './communities/community.resolver.js';
import { CommunityStructureResolver } from './communities/community-structure.resolver.js';
import { GridPartyBranch } from './grid-party-branches/grid-party-branch.entity.js';
import { GridPartyBranchResolver } from './grid-party-branches/grid-party-branch.resolver.js';
import { Grid } from './grids/grid.entity.js';
import { GridResolver } from './grids/grid.resolver.js';
import { CreateCommunities1763000001000 } from './migrations/1763000001000-CreateCommunities.js';
import { CreatePartyStructure1763000002000 } from './migrations/1763000002000-CreatePartyStructure.js';
import { PartyMemberHousehold } from './party-member-households/party-member-household.entity.js';
import { PartyMemberHouseholdResolver } from './party-member-households/party-member-household.resolver.js';
import { CommunityPartnership } from './partnerships/community-partnership.entity.js';
import { CommunityPartnershipResolver } from './partnerships/community-partnership.resolver.js';
import { CreateCommunityPartnerships1763000010000 } from './migrations/1763000010000-CreateCommunityPartnerships.js';
import { ServiceClaim } from './service-claims/service-claim.entity.js';
import { ServiceClaimResolver } from './service-claims/service-claim.resolver.js';
import { CreateServiceClaims1763000011000 } from './migrations/1763000011000-CreateServiceClaims.js';
import { Resource } from './resources/resource.entity.js';
import { ResourceResolver } from './resources/resource.resolver.js';
import { ServiceProject } from './service-projects/service-project.entity.js';
import { ServiceProjectResolver } from './service-projects/service-project.resolver.js';
import { CreateResourcesAndProjects1763000012000 } from './migrations/1763000012000-CreateResourcesAndProjects.js';
import { CommunityTrendResolver } from './region-trends/community-trend.js';
import { seedCommunities } from './reference-data/seed.js';
import { CommunityRegionResolver } from './region-stats/region-stats.resolver.js';
import { communityStatsDefinition } from './region-stats/community-stats.aggregates.js';

/** The communities subgraph (街道/社区): communities and their party structure, 双报到, the three lists… */
export const communitiesSubgraph: SubgraphDefinition = {
  name: 'communities',
  defaultPort: 4001,
  entities: [Community, Grid, GridPartyBranch, BuildingPartyGroup, PartyMemberHousehold, Agency, DualRegistration, Demand, Meeting, Dispute, CommunityPartnership, ServiceClaim, Resource, ServiceProject, ServiceStation, ServiceStationVisit, PropertyCompany, RegionPopulation, ...concepts.entities],
  migrations: [CreateCommunities1763000001000, CreatePartyStructure1763000002000, CreateDualRegistrations1763000003000, CreateListsMeetingsDisputes1763000004000, AddRecordSource1763000009000, CreateCommunityPartnerships1763000010000, CreateServiceClaims1763000011000, CreateResourcesAndProjects1763000012000, CreateStationsAndPropertyCompanies1763000013000, AddRegionDateIndexes1763000021000, ...concepts.migrations, CreateRegionPopulation1764000141000, FlagRegistrationsOfDeletedUnits1764000170001, MirrorCommunityPartyOrganizations1764000192000, AddServiceClaimProblemsSolved1764000202000],
  resolvers: [
    CommunityResolver,
    CommunityStructureResolver,
    GridResolver,
    GridPartyBranchResolver,
    BuildingPartyGroupResolver,
    PartyMemberHouseholdResolver,
    AgencyResolver,
    DualRegistrationResolver,
    HospitalUnit.resolver,
    SchoolUnit.resolver,
    EnterpriseUnit.resolver,
    DemandResolver,
    MeetingResolver,
    DisputeResolver,
    CommunityPartnershipResolver,
    ServiceStationResolver,
    ServiceStationVisitResolver,
    PropertyCompanyResolver,
    ServiceClaimResolver,
    ResourceResolver,
    ServiceProjectResolver,
    CommunityRegionResolver,
    CommunityTrendResolver,
    RegionPopulationResolver,
    RegionPopulationFieldResolver,
    ...concepts.resolvers,
  ],
  orphanedTypes: [HospitalUnit.stub, SchoolUnit.stub, EnterpriseUnit.stub, HospitalStatsPopulation],
  references: { ...referenceById('Community', Community), ...referenceById('Agency', Agency), ...unitReferences, ...sectorStatsPopulationReferences },
  seed: seedCommunities,
  stats: communityStatsDefinition,
  remoteDeletions: REMOTE_UNIT_FEEDS,
};

export { Community, CommunityResolver };

export { communitiesSubgraph as subgraph };
