import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, optionalPastDate, type RequestContext, requireCount, requireText } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Grid } from '../grids/grid.entity.js';
import type { GridPartyBranch } from './grid-party-branch.entity.js';

@InputType({ description: 'A new grid party branch (网格党支部)' })
export class CreateGridPartyBranchInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID)
  gridId: string;

  @Field()
  name: string;

  @Field(() => Int)
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to a grid party branch; omitted fields stay as they are' })
export class UpdateGridPartyBranchInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true })
  partyMembers?: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@ArgsType()
export class GridPartyBranchListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;
}

export async function checkGridPartyBranch(input: CreateGridPartyBranchInput, ctx: RequestContext): Promise<Partial<GridPartyBranch>> {
  const grid = await requireParent(ctx, Grid, 'Grid', input.gridId, 'input.gridId');
  return {
    gridId: grid.id,
    communityId: grid.communityId,
    name: requireText(input.name, 'input.name'),
    partyMembers: requireCount(input.partyMembers, 'input.partyMembers', 10_000),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
