import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, parentRegion, type RequestContext } from '@pb/kit';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { childrenLoader } from '@pb/kit';
import { Grid } from '../grids/grid.entity.js';
import { GridPartyBranch } from './grid-party-branch.entity.js';
import { concepts } from '../sector-concepts/sector-concepts.js';
import { checkGridPartyBranch, CreateGridPartyBranchInput, GridPartyBranchListArgs, UpdateGridPartyBranchInput } from './grid-party-branch.inputs.js';

const { Org } = concepts.party;

/** gridPartyBranches / gridPartyBranch / create… / update… / delete…; placed in its grid's region. */
@Resolver(() => GridPartyBranch)
export class GridPartyBranchResolver extends crudResolver({
  sector: 'communities',
  entity: GridPartyBranch,
  typeName: 'GridPartyBranch',
  listName: 'gridPartyBranches',
  createInput: CreateGridPartyBranchInput,
  updateInput: UpdateGridPartyBranchInput,
  listArgs: GridPartyBranchListArgs,
  check: checkGridPartyBranch,
  place: (values, ctx) => parentRegion(ctx, Grid, 'Grid', values.gridId, 'input.gridId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.gridId) qb.andWhere('r.grid_id = :gridId', { gridId: args.gridId });
  },
}) {
  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() branch: GridPartyBranch, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    return byIdLoader(ctx, Grid).load(branch.gridId);
  }

  @FieldResolver(() => Org, { nullable: true, description: 'The branch as a party organisation (CommunityPartyOrganization, same id), counted in the cross-sector figures' })
  organization(@Root() branch: GridPartyBranch, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof Org> | null> {
    return byIdLoader(ctx, Org).load(branch.id);
  }

  @FieldResolver(() => [BuildingPartyGroup], { description: 'Building party groups of the branch (楼栋党小组)' })
  groups(@Root() branch: GridPartyBranch, @Ctx() ctx: RequestContext): Promise<BuildingPartyGroup[]> {
    return childrenLoader(ctx, BuildingPartyGroup, 'branchId').load(branch.id);
  }
}
