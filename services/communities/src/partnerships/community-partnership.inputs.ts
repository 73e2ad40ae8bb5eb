import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalText, type RequestContext, requireCount, UpdateInputOf } from '@pb/kit';
import { commonRegion } from '../common/regions.js';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { CommunityPartnership } from './community-partnership.entity.js';

@InputType({ description: 'Two communities paired (结对共建)' })
export class CreateCommunityPartnershipInput {
  /** Not an input: the partnership lies in the smallest region holding both communities. */
  regionCode?: null;

  @Field(() => ID)
  communityAId: string;

  @Field(() => ID, { description: 'A different community, in the same province' })
  communityBId: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true })
  pairedOn?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  suggestionsAdopted: number;

  @Field(() => Int, { defaultValue: 0 })
  resourcesShared: number;

  @Field(() => Int, { defaultValue: 0 })
  problemsSolved: number;
}

@InputType({ description: 'Changes to a partnership (e.g. its running counts); omitted fields stay as they are' })
export class UpdateCommunityPartnershipInput extends UpdateInputOf(CreateCommunityPartnershipInput) {}

@ArgsType()
export class CommunityPartnershipListArgs extends ListArgs {
  @Field(() => ID, { nullable: true, description: 'Partnerships of this community, on either side' })
  communityId?: string | null;
}

/** The two communities, which must exist and differ. */
async function pair(input: CreateCommunityPartnershipInput, ctx: RequestContext): Promise<[Community, Community]> {
  const a = await requireParent(ctx, Community, 'Community', input.communityAId, 'input.communityAId');
  const b = await requireParent(ctx, Community, 'Community', input.communityBId, 'input.communityBId');
  if (a.id === b.id) throw badInput('input.communityBId', 'must be another community than input.communityAId');
  return [a, b];
}

/** A pair is partnered once, whichever way round (the stored record itself excepted). */
async function assertNewPair(ctx: RequestContext, a: string, b: string, self: string | undefined): Promise<void> {
  const qb = ctx.db
    .getRepository(CommunityPartnership)
    .createQueryBuilder('p')
    .where('((p.community_a_id = :a AND p.community_b_id = :b) OR (p.community_a_id = :b AND p.community_b_id = :a))', { a, b });
  if (self) qb.andWhere('p.id <> :self', { self });
  if (await qb.getExists()) throw badInput('input.communityBId', 'these two communities are already partnered');
}

export async function checkCommunityPartnership(input: CreateCommunityPartnershipInput, ctx: RequestContext): Promise<Partial<CommunityPartnership>> {
  const [a, b] = await pair(input, ctx);
  commonRegion(a.regionCode, b.regionCode, 'input.communityBId');
  await assertNewPair(ctx, a.id, b.id, (input as { id?: string }).id);
  return {
    communityAId: a.id,
    communityBId: b.id,
    name: optionalText(input.name, 'input.name', 200),
    pairedOn: optionalPastDate(input.pairedOn, 'input.pairedOn'),
    suggestionsAdopted: requireCount(input.suggestionsAdopted, 'input.suggestionsAdopted', 100_000),
    resourcesShared: requireCount(input.resourcesShared, 'input.resourcesShared', 100_000),
    problemsSolved: requireCount(input.problemsSolved, 'input.problemsSolved', 100_000),
  };
}

/** Where a partnership lies: the smallest region holding both communities. */
export async function placeCommunityPartnership(input: CreateCommunityPartnershipInput, ctx: RequestContext): Promise<string> {
  const [a, b] = await pair(input, ctx);
  return commonRegion(a.regionCode, b.regionCode, 'input.communityBId');
}
