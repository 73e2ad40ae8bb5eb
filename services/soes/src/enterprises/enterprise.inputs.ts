import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar, ListArgs, PartyOrganizationType, optionalPastDate, requireText, UpdateInputOf } from '@pb/kit';
import { type Enterprise, EnterpriseLevel } from './enterprise.entity.js';

@InputType({ description: 'A new state-owned enterprise (国有企业)' })
export class CreateEnterpriseInput {
  @Field()
  name: string;

  @Field({ description: 'Division code (行政区划代码), padded or not' })
  regionCode: string;

  @Field(() => EnterpriseLevel)
  level: EnterpriseLevel;

  @Field()
  industry: string;

  @Field(() => PartyOrganizationType)
  partyOrganization: PartyOrganizationType;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to an enterprise; omitted fields stay as they are' })
export class UpdateEnterpriseInput extends UpdateInputOf(CreateEnterpriseInput) {}

@ArgsType()
export class EnterpriseListArgs extends ListArgs {
  @Field(() => EnterpriseLevel, { nullable: true })
  level?: EnterpriseLevel | null;
}

export function checkEnterprise(input: CreateEnterpriseInput): Partial<Enterprise> {
  return {
    name: requireText(input.name, 'input.name'),
    level: input.level,
    industry: requireText(input.industry, 'input.industry', 50),
    partyOrganization: input.partyOrganization,
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
