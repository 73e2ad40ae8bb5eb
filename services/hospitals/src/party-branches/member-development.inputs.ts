import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, ListArgs, parentRegion, requireCount, requireId, type RequestContext, todayInShanghai } from '@pb/kit';
import { BranchMemberDevelopment } from './member-development.entity.js';
import { HospitalPartyBranch } from './party-branch.entity.js';

@InputType({ description: 'Party members a branch developed (发展党员) in a year; one record per branch and year' })
export class CreateBranchMemberDevelopmentInput {
  @Field(() => ID)
  branchId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  developed: number;

  regionCode?: null;
}

@InputType()
export class UpdateBranchMemberDevelopmentInput {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => Int, { nullable: true })
  developed?: number;

  regionCode?: null;
}

@ArgsType()
export class BranchMemberDevelopmentListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  branchId?: string | null;
}

/** The year is past or current, and not already recorded for the branch (update it instead). */
export async function checkMemberDevelopment(
  input: CreateBranchMemberDevelopmentInput & { id?: string },
  ctx: RequestContext,
): Promise<Partial<BranchMemberDevelopment>> {
  const branchId = requireId(input.branchId ?? '', 'input.branchId');
  const thisYear = Number(todayInShanghai().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 1921 || input.year > thisYear) throw badInput('input.year', `must be a year from 1921 to ${thisYear}`);
  const same = await ctx.db.getRepository(BranchMemberDevelopment).findOneBy({ branchId, year: input.year });
  if (same && same.id !== input.id) throw badInput('input.year', `${input.year} is already recorded for this branch; update that record`);
  return { branchId, year: input.year, developed: requireCount(input.developed, 'input.developed', 10_000) };
}

export const placeMemberDevelopment = (input: CreateBranchMemberDevelopmentInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, HospitalPartyBranch, 'HospitalPartyBranch', input.branchId, 'input.branchId');
