import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, type RequestContext, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { DualRegistration } from '../dual-registrations/dual-registration.entity.js';
import { ServiceCategory } from '../service-claims/service-claim.entity.js';
import type { Resource } from './resource.entity.js';

@InputType({ description: 'A resource put on the list (资源清单)' })
export class CreateResourceInput {
  /** Not an input: the resource takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID, { nullable: true })
  dualRegistrationId?: string | null;

  @Field()
  title: string;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => DateScalar)
  listedOn: string;
}

@InputType({ description: 'Changes to a resource; omitted fields stay as they are' })
export class UpdateResourceInput extends UpdateInputOf(CreateResourceInput) {}

@ArgsType()
export class ResourceListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ServiceCategory, { nullable: true })
  category?: ServiceCategory | null;
}

export async function checkResource(input: CreateResourceInput, ctx: RequestContext): Promise<Partial<Resource>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  let dualRegistrationId: string | null = null;
  if (input.dualRegistrationId) {
    const reg = await requireParent(ctx, DualRegistration, 'DualRegistration', input.dualRegistrationId, 'input.dualRegistrationId');
    if (reg.communityId !== community.id) throw badInput('input.dualRegistrationId', 'is a registration with another community');
    dualRegistrationId = reg.id;
  }
  return {
    communityId: community.id,
    dualRegistrationId,
    title: requireText(input.title, 'input.title', 500),
    category: input.category,
    provider: optionalText(input.provider, 'input.provider', 200),
    listedOn: requirePastDate(input.listedOn, 'input.listedOn'),
  };
}
