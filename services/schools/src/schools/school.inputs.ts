import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar, ListArgs, PartyOrganizationType, optionalPastDate, requireText, UpdateInputOf } from '@pb/kit';
import { type School, SchoolStage } from './school.entity.js';

@InputType({ description: 'A new school (学校)' })
export class CreateSchoolInput {
  @Field()
  name: string;

  @Field({ description: 'Division code (行政区划代码), padded or not' })
  regionCode: string;

  @Field(() => SchoolStage)
  stage: SchoolStage;

  @Field()
  isPublic: boolean;

  @Field({ description: '书记、校长"一肩挑"' })
  secretaryPrincipalCombined: boolean;

  @Field(() => PartyOrganizationType)
  partyOrganization: PartyOrganizationType;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to a school; omitted fields stay as they are' })
export class UpdateSchoolInput extends UpdateInputOf(CreateSchoolInput) {}

@ArgsType()
export class SchoolListArgs extends ListArgs {
  @Field(() => SchoolStage, { nullable: true })
  stage?: SchoolStage | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

export function checkSchool(input: CreateSchoolInput): Partial<School> {
  return {
    name: requireText(input.name, 'input.name'),
    stage: input.stage,
    isPublic: input.isPublic,
    secretaryPrincipalCombined: input.secretaryPrincipalCombined,
    partyOrganization: input.partyOrganization,
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
