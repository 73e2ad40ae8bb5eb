import { ArgsType, Field, InputType } from 'type-graphql';
import { ListArgs, PartyOrganizationType, requireText, UpdateInputOf } from '@pb/kit';
import { type Agency, AgencyKind } from './agency.entity.js';

@InputType({ description: 'A new agency (机关单位/驻区单位)' })
export class CreateAgencyInput {
  @Field()
  name: string;

  @Field({ description: 'Division code (行政区划代码), padded or not' })
  regionCode: string;

  @Field(() => AgencyKind)
  kind: AgencyKind;

  @Field(() => PartyOrganizationType)
  partyOrganization: PartyOrganizationType;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are' })
export class UpdateAgencyInput extends UpdateInputOf(CreateAgencyInput) {}

@ArgsType()
export class AgencyListArgs extends ListArgs {
  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind | null;
}

export function checkAgency(input: CreateAgencyInput): Partial<Agency> {
  return { name: requireText(input.name, 'input.name'), kind: input.kind, partyOrganization: input.partyOrganization };
}
