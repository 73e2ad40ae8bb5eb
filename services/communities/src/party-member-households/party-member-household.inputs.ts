import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalText, type RequestContext, requireCount, requireText } from '@pb/kit';
import { BuildingPartyGroup } from '../building-party-groups/building-party-group.entity.js';
import { requireParent } from '../common/parents.js';
import { optionalPhone } from '../common/phone.js';
import { Grid } from '../grids/grid.entity.js';
import type { PartyMemberHousehold } from './party-member-household.entity.js';

@InputType({ description: 'A new party member household (党员中心户): give its party group, or its grid' })
export class CreatePartyMemberHouseholdInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field({ description: 'Household head (户主): personal data' })
  headName: string;

  @Field(() => String, { nullable: true, description: 'Household head phone: personal data' })
  headPhone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Int)
  linkedHouseholds: number;

  @Field(() => DateScalar, { nullable: true })
  designatedOn?: string | null;
}

@InputType({ description: 'Changes to a party member household; omitted fields stay as they are' })
export class UpdatePartyMemberHouseholdInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field({ nullable: true })
  headName?: string;

  @Field(() => String, { nullable: true })
  headPhone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Int, { nullable: true })
  linkedHouseholds?: number;

  @Field(() => DateScalar, { nullable: true })
  designatedOn?: string | null;
}

@ArgsType()
export class PartyMemberHouseholdListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;
}

async function gridOf(input: CreatePartyMemberHouseholdInput, ctx: RequestContext): Promise<{ grid: Grid; groupId: string | null }> {
  if (input.groupId) {
    const group = await requireParent(ctx, BuildingPartyGroup, 'BuildingPartyGroup', input.groupId, 'input.groupId');
    if (input.gridId && input.gridId.toLowerCase() !== group.gridId) throw badInput('input.gridId', 'is not the grid of input.groupId');
    return { grid: await requireParent(ctx, Grid, 'Grid', group.gridId, 'input.groupId'), groupId: group.id };
  }
  if (!input.gridId) throw badInput('input.gridId', 'give a groupId or a gridId');
  return { grid: await requireParent(ctx, Grid, 'Grid', input.gridId, 'input.gridId'), groupId: null };
}

export async function checkPartyMemberHousehold(input: CreatePartyMemberHouseholdInput, ctx: RequestContext): Promise<Partial<PartyMemberHousehold>> {
  const { grid, groupId } = await gridOf(input, ctx);
  return {
    groupId,
    gridId: grid.id,
    communityId: grid.communityId,
    headName: requireText(input.headName, 'input.headName', 50),
    headPhone: optionalPhone(input.headPhone, 'input.headPhone'),
    address: optionalText(input.address, 'input.address', 200),
    linkedHouseholds: requireCount(input.linkedHouseholds, 'input.linkedHouseholds', 1000),
    designatedOn: optionalPastDate(input.designatedOn, 'input.designatedOn'),
  };
}

export async function placePartyMemberHousehold(input: CreatePartyMemberHouseholdInput, ctx: RequestContext): Promise<string> {
  return (await gridOf(input, ctx)).grid.regionCode;
}
