import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, PartyOrganizationType, optionalPastDate, requireCount, requireText, UpdateInputOf } from '@pb/kit';
import type { Community } from './community.entity.js';

@InputType({ description: 'A new community (社区)' })
export class CreateCommunityInput {
  @Field()
  name: string;

  @Field({ description: 'Division code (行政区划代码) of the residents\' committee, padded or not' })
  regionCode: string;

  @Field(() => PartyOrganizationType)
  partyOrganization: PartyOrganizationType;

  @Field(() => Int)
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to a community; omitted fields stay as they are' })
export class UpdateCommunityInput extends UpdateInputOf(CreateCommunityInput) {}

@ArgsType()
export class CommunityListArgs extends ListArgs {
  @Field(() => PartyOrganizationType, { nullable: true })
  partyOrganization?: PartyOrganizationType | null;
}

export function checkCommunity(input: CreateCommunityInput): Partial<Community> {
  return {
    name: requireText(input.name, 'input.name'),
    partyOrganization: input.partyOrganization,
    partyMembers: requireCount(input.partyMembers, 'input.partyMembers', 100_000),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
