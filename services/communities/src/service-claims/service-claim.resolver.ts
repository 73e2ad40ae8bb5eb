import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, byIdLoader, crudResolver, parentRegion, type RequestContext, requireCount, Personal, transitionRecord, WriteTag } from '@pb/kit';
import { personal } from '../common/personal.js';
import { stepDate } from '../common/steps.js';
import { Community } from '../communities/community.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { ServiceClaim, ServiceClaimStatus } from './service-claim.entity.js';
import { SERVICE_CLAIM_FLOW } from './service-claim.flow.js';
import { checkServiceClaim, CompleteServiceClaimInput, CreateServiceClaimInput, ServiceClaimListArgs, UpdateServiceClaimInput } from './service-claim.inputs.js';

/** serviceClaims / serviceClaim / create… / update… / delete… / completeServiceClaim. */
@Resolver(() => ServiceClaim)
export class ServiceClaimResolver extends crudResolver({
  sector: 'communities',
  entity: ServiceClaim,
  typeName: 'ServiceClaim',
  listName: 'serviceClaims',
  createInput: CreateServiceClaimInput,
  updateInput: UpdateServiceClaimInput,
  listArgs: ServiceClaimListArgs,
  check: checkServiceClaim,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.category) qb.andWhere('r.category = :category', { category: args.category });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  },
}) {
  @Authorized('write:communities')
  @WriteTag('communities')
  @Mutation(() => ServiceClaim, { nullable: true, description: 'Marks a claimed service done (CLAIMED → COMPLETED), with the households visited and difficulties solved' })
  async completeServiceClaim(@Arg('id', () => ID) id: string, @Arg('input', () => CompleteServiceClaimInput) input: CompleteServiceClaimInput, @Ctx() ctx: RequestContext): Promise<ServiceClaim> {
    return transitionRecord({ sector: 'communities', entity: ServiceClaim, typeName: 'ServiceClaim' }, id, ctx, (claim) => {
      if (claim.status === ServiceClaimStatus.COMPLETED) throw badInput('id', 'the claim is already COMPLETED');
      SERVICE_CLAIM_FLOW.assert(claim.status, ServiceClaimStatus.COMPLETED, 'id');
      const completedOn = stepDate(input.on, claim.claimedOn, 'input.on');
      // The counts as recorded unless the completion reports them.
      const householdsVisited = input.householdsVisited == null ? claim.householdsVisited : requireCount(input.householdsVisited, 'input.householdsVisited', 100_000);
      const problemsSolved = input.problemsSolved == null ? claim.problemsSolved : requireCount(input.problemsSolved, 'input.problemsSolved', 1_000_000);
      return { status: ServiceClaimStatus.COMPLETED, completedOn, householdsVisited, problemsSolved };
    });
  }

  @Personal('name')
  @FieldResolver(() => String, { nullable: true, description: 'The claiming member (认领党员); masked (张*) unless ADMIN or a communities EDITOR of the region' })
  memberName(@Root() c: ServiceClaim, @Ctx() ctx: RequestContext): string | null {
    return personal(ctx, c, 'name', c.memberName);
  }

  @FieldResolver(() => DualRegistration, { nullable: true, description: "The claiming unit's registration; its `unit` is the unit itself" })
  dualRegistration(@Root() c: ServiceClaim, @Ctx() ctx: RequestContext): Promise<DualRegistration | null> {
    return c.dualRegistrationId ? byIdLoader(ctx, DualRegistration).load(c.dualRegistrationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() c: ServiceClaim, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(c.communityId);
  }
}
