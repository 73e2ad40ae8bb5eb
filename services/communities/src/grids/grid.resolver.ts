import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, parentRegion, type RequestContext, Personal } from '@pb/kit';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { childrenLoader } from '@pb/kit';
import { personal } from '../common/personal.js';
import { Community } from '../communities/community.entity.js';
import { GridPartyBranch } from '../grid-party-branches/grid-party-branch.entity.js';
import { PartyMemberHousehold } from '../party-member-households/party-member-household.entity.js';
import { Grid } from './grid.entity.js';
import { checkGrid, CreateGridInput, GridListArgs, UpdateGridInput } from './grid.inputs.js';

/** grids / grid / createGrid / updateGrid / deleteGrid, and the grid's place in the party structure. */
@Resolver(() => Grid)
export class GridResolver extends crudResolver({
  sector: 'communities',
  entity: Grid,
  typeName: 'Grid',
  listName: 'grids',
  createInput: CreateGridInput,
  updateInput: UpdateGridInput,
  listArgs: GridListArgs,
  check: checkGrid,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
  },
}) {
  @Personal('name')
  @FieldResolver(() => String, { nullable: true, description: 'Grid leader (网格长/网格员) name; masked (张*) unless ADMIN or a communities EDITOR of the region' })
  leaderName(@Root() grid: Grid, @Ctx() ctx: RequestContext): string | null {
    return personal(ctx, grid, 'name', grid.leaderName);
  }

  @Personal('phone')
  @FieldResolver(() => String, { nullable: true, description: 'Grid leader phone; masked (138****5678) unless ADMIN or a communities EDITOR of the region' })
  leaderPhone(@Root() grid: Grid, @Ctx() ctx: RequestContext): string | null {
    return personal(ctx, grid, 'phone', grid.leaderPhone);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(grid.communityId);
  }

  @FieldResolver(() => [GridPartyBranch], { description: 'Grid party branches on the grid (网格党支部)' })
  branches(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<GridPartyBranch[]> {
    return childrenLoader(ctx, GridPartyBranch, 'gridId').load(grid.id);
  }

  @FieldResolver(() => [BuildingPartyGroup], { description: 'Building party groups on the grid, with or without a branch (楼栋党小组)' })
  buildingPartyGroups(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<BuildingPartyGroup[]> {
    return childrenLoader(ctx, BuildingPartyGroup, 'gridId').load(grid.id);
  }

  @FieldResolver(() => [PartyMemberHousehold], { description: 'Party member households on the grid (党员中心户)' })
  partyMemberHouseholds(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<PartyMemberHousehold[]> {
    return childrenLoader(ctx, PartyMemberHousehold, 'gridId').load(grid.id);
  }
}
