import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, type RequestContext } from '@pb/kit';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { childrenLoader } from '@pb/kit';
import { Demand, DemandStatus } from '../demands/demand.entity.js';
import { Dispute } from '../disputes/dispute.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { GridPartyBranch } from '../grid-party-branches/grid-party-branch.entity.js';
import { Grid } from '../grids/grid.entity.js';
import { PartyMemberHousehold } from '../party-member-households/party-member-household.entity.js';
import { CommunityPartnership } from '../partnerships/community-partnership.entity.js';
import { partnershipsOf } from '../partnerships/community-partnership.resolver.js';
import { ServiceStation } from '../service-stations/service-station.entity.js';
import { stationsOf } from '../service-stations/service-station.resolver.js';
import { ServiceClaim } from '../service-claims/service-claim.entity.js';
import { Resource } from '../resources/resource.entity.js';
import { ServiceProject } from '../service-projects/service-project.entity.js';
import { Community } from './community.entity.js';
import { concepts } from '../sector-concepts/sector-concepts.js';

const { Org } = concepts.party;

/** 社区党组织—网格党支部—楼栋党小组—党员中心户: each level of a community, batched over a list of communities. */
@Resolver(() => Community)
export class CommunityStructureResolver {
  @FieldResolver(() => Org, { nullable: true, description: "The community's own party organisation (社区党组织: 党委/党总支/党支部) as a CommunityPartyOrganization, with the community's id" })
  partyOrganizationRecord(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof Org> | null> {
    return byIdLoader(ctx, Org).load(c.id);
  }

  @FieldResolver(() => [Grid], { description: 'Grids of the community (网格)' })
  grids(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    return childrenLoader(ctx, Grid, 'communityId').load(c.id);
  }

  @FieldResolver(() => [GridPartyBranch], { description: 'Grid party branches of the community (网格党支部)' })
  gridPartyBranches(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<GridPartyBranch[]> {
    return childrenLoader(ctx, GridPartyBranch, 'communityId').load(c.id);
  }

  @FieldResolver(() => [BuildingPartyGroup], { description: 'Building party groups of the community (楼栋党小组)' })
  buildingPartyGroups(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<BuildingPartyGroup[]> {
    return childrenLoader(ctx, BuildingPartyGroup, 'communityId').load(c.id);
  }

  @FieldResolver(() => [PartyMemberHousehold], { description: 'Party member households of the community (党员中心户)' })
  partyMemberHouseholds(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<PartyMemberHousehold[]> {
    return childrenLoader(ctx, PartyMemberHousehold, 'communityId').load(c.id);
  }

  @FieldResolver(() => [DualRegistration], { description: 'Units registered with the community (双报到)' })
  dualRegistrations(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<DualRegistration[]> {
    return childrenLoader(ctx, DualRegistration, 'communityId').load(c.id);
  }

  @FieldResolver(() => [Demand], { description: 'Demands of the community (需求清单), optionally of one status' })
  async demands(@Root() c: Community, @Arg('status', () => DemandStatus, { nullable: true }) status: DemandStatus | null, @Ctx() ctx: RequestContext): Promise<Demand[]> {
    const all = await childrenLoader(ctx, Demand, 'communityId').load(c.id);
    return status ? all.filter((d) => d.status === status) : all;
  }

  @FieldResolver(() => [Meeting], { description: 'Deliberation meetings of the community (议事会)' })
  meetings(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return childrenLoader(ctx, Meeting, 'communityId').load(c.id);
  }

  @FieldResolver(() => [Dispute], { description: 'Disputes brought to the community (矛盾纠纷)' })
  disputes(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<Dispute[]> {
    return childrenLoader(ctx, Dispute, 'communityId').load(c.id);
  }

  @FieldResolver(() => [CommunityPartnership], { description: 'Partnerships the community is in (结对共建), on either side' })
  partnerships(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<CommunityPartnership[]> {
    return partnershipsOf(ctx, c.id);
  }

  @FieldResolver(() => [ServiceClaim], { description: 'Services claimed in the community (认领服务 / 微心愿)' })
  serviceClaims(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<ServiceClaim[]> {
    return childrenLoader(ctx, ServiceClaim, 'communityId').load(c.id);
  }

  @FieldResolver(() => [Resource], { description: 'The resource list of the community (资源清单)' })
  resources(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<Resource[]> {
    return childrenLoader(ctx, Resource, 'communityId').load(c.id);
  }

  @FieldResolver(() => [ServiceProject], { description: 'The project list of the community (项目清单)' })
  serviceProjects(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<ServiceProject[]> {
    return childrenLoader(ctx, ServiceProject, 'communityId').load(c.id);
  }

  @FieldResolver(() => [ServiceStation], { description: 'Its party-mass service stations (党群服务驿站)' })
  serviceStations(@Root() c: Community, @Ctx() ctx: RequestContext): Promise<ServiceStation[]> {
    return stationsOf(ctx, c.id);
  }
}
