import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, ListArgs, type RequestContext, requireText, UpdateInputOf } from '@pb/kit';
import { requireParents } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import type { PropertyCompany } from './property-company.entity.js';

@InputType({ description: 'A property company (物业)' })
export class CreatePropertyCompanyInput {
  @Field()
  name: string;

  @Field({ description: 'Where it is registered (行政区划代码)' })
  regionCode: string;

  @Field()
  hasPartyBranch: boolean;

  @Field(() => [ID])
  communityIds: string[];
}

@InputType({ description: 'Changes to a property company; omitted fields stay as they are' })
export class UpdatePropertyCompanyInput extends UpdateInputOf(CreatePropertyCompanyInput) {}

@ArgsType()
export class PropertyCompanyListArgs extends ListArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only 红色物业 (true) or only the others (false)' })
  hasPartyBranch?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only companies serving this community' })
  communityId?: string | null;
}

export async function checkPropertyCompany(input: CreatePropertyCompanyInput, ctx: RequestContext): Promise<Partial<PropertyCompany>> {
  const ids = input.communityIds ?? [];
  if (new Set(ids).size !== ids.length) throw badInput('input.communityIds', 'lists a community twice');
  const communities = await requireParents(ctx, Community, 'Community', ids, 'input.communityIds');
  return {
    name: requireText(input.name, 'input.name'),
    hasPartyBranch: input.hasPartyBranch,
    communityIds: communities.map((c) => c.id),
  };
}
