import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { GridPartyBranch } from '../grid-party-branches/grid-party-branch.entity.js';
import { Grid } from '../grids/grid.entity.js';
import { PartyMemberHousehold } from '../party-member-households/party-member-household.entity.js';
import { BuildingPartyGroup } from './building-party-group.entity.js';
import { BuildingPartyGroupListArgs, checkBuildingPartyGroup, CreateBuildingPartyGroupInput, placeBuildingPartyGroup, UpdateBuildingPartyGroupInput } from './building-party-group.inputs.js';

/** buildingPartyGroups / buildingPartyGroup / create… / update… / delete…; placed in its grid's region. */
@Resolver(() => BuildingPartyGroup)
export class BuildingPartyGroupResolver extends crudResolver({
  sector: 'communities',
  entity: BuildingPartyGroup,
  typeName: 'BuildingPartyGroup',
  listName: 'buildingPartyGroups',
  createInput: CreateBuildingPartyGroupInput,
  updateInput: UpdateBuildingPartyGroupInput,
  listArgs: BuildingPartyGroupListArgs,
  check: checkBuildingPartyGroup,
  place: placeBuildingPartyGroup,
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.gridId) qb.andWhere('r.grid_id = :gridId', { gridId: args.gridId });
    if (args.branchId) qb.andWhere('r.branch_id = :branchId', { branchId: args.branchId });
  },
}) {
  @FieldResolver(() => GridPartyBranch, { nullable: true })
  branch(@Root() group: BuildingPartyGroup, @Ctx() ctx: RequestContext): Promise<GridPartyBranch | null> {
    return group.branchId ? byIdLoader(ctx, GridPartyBranch).load(group.branchId) : Promise.resolve(null);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() group: BuildingPartyGroup, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    return byIdLoader(ctx, Grid).load(group.gridId);
  }

  @FieldResolver(() => [PartyMemberHousehold], { description: 'Party member households of the group (党员中心户)' })
  households(@Root() group: BuildingPartyGroup, @Ctx() ctx: RequestContext): Promise<PartyMemberHousehold[]> {
    return childrenLoader(ctx, PartyMemberHousehold, 'groupId').load(group.id);
  }
}
