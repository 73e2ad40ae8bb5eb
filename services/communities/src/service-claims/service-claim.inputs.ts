import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, type RequestContext, requireCount, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { type ServiceClaim, ServiceCategory, ServiceClaimStatus } from './service-claim.entity.js';

@InputType({ description: 'A service claimed (认领服务 / 微心愿); it starts CLAIMED. Give either a registration or a member name.' })
export class CreateServiceClaimInput {
  /** Not an input: the claim takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID, { nullable: true, description: "The claiming unit's dual registration with this community" })
  dualRegistrationId?: string | null;

  @Field(() => String, { nullable: true, description: 'The claiming party member (personal data)' })
  memberName?: string | null;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field()
  title: string;

  @Field(() => DateScalar)
  claimedOn: string;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  householdsVisited?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Difficulties solved (解决实际困难)' })
  problemsSolved?: number;
}

@InputType({ description: 'Changes to a claim; its status moves only through completeServiceClaim' })
export class UpdateServiceClaimInput extends UpdateInputOf(CreateServiceClaimInput) {}

@InputType({ description: 'Completion of a claim' })
export class CompleteServiceClaimInput {
  @Field(() => DateScalar, { nullable: true, description: 'Completed on; default today' })
  on?: string | null;

  @Field(() => Int, { nullable: true, description: 'Households visited; default: as recorded' })
  householdsVisited?: number | null;

  @Field(() => Int, { nullable: true, description: 'Difficulties solved (解决实际困难); default: as recorded' })
  problemsSolved?: number | null;
}

@ArgsType()
export class ServiceClaimListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => ServiceClaimStatus, { nullable: true })
  status?: ServiceClaimStatus | null;
}

/** Who claims: a unit registered with this very community, or a named member; exactly one. */
async function claimant(input: CreateServiceClaimInput, community: Community, ctx: RequestContext): Promise<Pick<ServiceClaim, 'dualRegistrationId' | 'memberName'>> {
  const memberName = optionalText(input.memberName, 'input.memberName', 50);
  if (!input.dualRegistrationId) {
    if (!memberName) throw badInput('input.memberName', 'a claim is made by a registered unit (input.dualRegistrationId) or a member (input.memberName)');
    return { dualRegistrationId: null, memberName };
  }
  if (memberName) throw badInput('input.memberName', 'give either input.dualRegistrationId or input.memberName, not both');
  const reg = await requireParent(ctx, DualRegistration, 'DualRegistration', input.dualRegistrationId, 'input.dualRegistrationId');
  if (reg.communityId !== community.id) throw badInput('input.dualRegistrationId', 'is a registration with another community');
  return { dualRegistrationId: reg.id, memberName: null };
}

export async function checkServiceClaim(input: CreateServiceClaimInput, ctx: RequestContext): Promise<Partial<ServiceClaim>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const claimedOn = requirePastDate(input.claimedOn, 'input.claimedOn');
  // On update the stored completion date is part of the values: a claim is not completed before it was claimed.
  const completedOn = (input as { completedOn?: string | null }).completedOn;
  if (completedOn && completedOn < claimedOn) throw badInput('input.claimedOn', `must not be after its completion (${completedOn})`);
  return {
    communityId: community.id,
    ...(await claimant(input, community, ctx)),
    category: input.category,
    title: requireText(input.title, 'input.title', 500),
    status: (input as { status?: ServiceClaimStatus }).status ?? ServiceClaimStatus.CLAIMED,
    claimedOn,
    householdsVisited: requireCount(input.householdsVisited ?? 0, 'input.householdsVisited', 100_000),
    problemsSolved: requireCount(input.problemsSolved ?? 0, 'input.problemsSolved', 1_000_000),
  };
}
