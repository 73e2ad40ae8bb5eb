import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, childrenLoader, crudResolver, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { CommunityPartnership } from './community-partnership.entity.js';
import {
  checkCommunityPartnership, CommunityPartnershipListArgs, CreateCommunityPartnershipInput, placeCommunityPartnership, UpdateCommunityPartnershipInput,
} from './community-partnership.inputs.js';

/** communityPartnerships / communityPartnership / create… / update… / delete…. */
@Resolver(() => CommunityPartnership)
export class CommunityPartnershipResolver extends crudResolver({
  sector: 'communities',
  entity: CommunityPartnership,
  typeName: 'CommunityPartnership',
  listName: 'communityPartnerships',
  createInput: CreateCommunityPartnershipInput,
  updateInput: UpdateCommunityPartnershipInput,
  listArgs: CommunityPartnershipListArgs,
  check: checkCommunityPartnership,
  place: placeCommunityPartnership,
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('(r.community_a_id = :communityId OR r.community_b_id = :communityId)', { communityId: args.communityId });
  },
}) {
  @FieldResolver(() => Community, { nullable: true })
  communityA(@Root() p: CommunityPartnership, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(p.communityAId);
  }

  @FieldResolver(() => Community, { nullable: true })
  communityB(@Root() p: CommunityPartnership, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(p.communityBId);
  }
}

/** A community's partnerships, on either side of the pair: two batched statements per request. */
export async function partnershipsOf(ctx: RequestContext, communityId: string): Promise<CommunityPartnership[]> {
  const [asA, asB] = await Promise.all([
    childrenLoader(ctx, CommunityPartnership, 'communityAId').load(communityId),
    childrenLoader(ctx, CommunityPartnership, 'communityBId').load(communityId),
  ]);
  return [...asA, ...asB];
}
