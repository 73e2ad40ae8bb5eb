import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalText, type RequestContext, requireCount, requireText } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { GridPartyBranch } from '../grid-party-branches/grid-party-branch.entity.js';
import { Grid } from '../grids/grid.entity.js';
import type { BuildingPartyGroup } from './building-party-group.entity.js';

@InputType({ description: 'A new building party group (楼栋党小组): give its branch, or its grid when it has no branch' })
export class CreateBuildingPartyGroupInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  building?: string | null;

  @Field(() => Int)
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to a building party group; omitted fields stay as they are' })
export class UpdateBuildingPartyGroupInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  building?: string | null;

  @Field(() => Int, { nullable: true })
  partyMembers?: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@ArgsType()
export class BuildingPartyGroupListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;
}

/** The grid a group is on: its branch's grid, which must agree with a grid also given. */
async function gridOf(input: CreateBuildingPartyGroupInput, ctx: RequestContext): Promise<{ grid: Grid; branchId: string | null }> {
  if (input.branchId) {
    const branch = await requireParent(ctx, GridPartyBranch, 'GridPartyBranch', input.branchId, 'input.branchId');
    if (input.gridId && input.gridId.toLowerCase() !== branch.gridId) throw badInput('input.gridId', 'is not the grid of input.branchId');
    return { grid: await requireParent(ctx, Grid, 'Grid', branch.gridId, 'input.branchId'), branchId: branch.id };
  }
  if (!input.gridId) throw badInput('input.gridId', 'give a branchId or a gridId');
  return { grid: await requireParent(ctx, Grid, 'Grid', input.gridId, 'input.gridId'), branchId: null };
}

export async function checkBuildingPartyGroup(input: CreateBuildingPartyGroupInput, ctx: RequestContext): Promise<Partial<BuildingPartyGroup>> {
  const { grid, branchId } = await gridOf(input, ctx);
  return {
    branchId,
    gridId: grid.id,
    communityId: grid.communityId,
    name: requireText(input.name, 'input.name'),
    building: optionalText(input.building, 'input.building', 100),
    partyMembers: requireCount(input.partyMembers, 'input.partyMembers', 1000),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}

/** Its region is its grid's (a group follows the grid when moved). */
export async function placeBuildingPartyGroup(input: CreateBuildingPartyGroupInput, ctx: RequestContext): Promise<string> {
  return (await gridOf(input, ctx)).grid.regionCode;
}
