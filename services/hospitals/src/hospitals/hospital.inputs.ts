import { ArgsType, Field, InputType } from 'type-graphql';
import { DateScalar, ListArgs, PartyOrganizationType, optionalPastDate, optionalText, requireText, UpdateInputOf } from '@pb/kit';
import { type Hospital, HospitalGrade, HospitalKind } from './hospital.entity.js';

@InputType({ description: 'A new hospital (医院)' })
export class CreateHospitalInput {
  @Field()
  name: string;

  @Field({ description: 'Division code (行政区划代码), padded or not' })
  regionCode: string;

  @Field(() => HospitalGrade)
  grade: HospitalGrade;

  @Field(() => HospitalKind)
  kind: HospitalKind;

  @Field()
  isPublic: boolean;

  @Field({ description: '书记、院长分设' })
  secretaryPresidentSeparated: boolean;

  @Field(() => PartyOrganizationType)
  partyOrganization: PartyOrganizationType;

  @Field(() => String, { nullable: true })
  partyBrand?: string | null;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;
}

@InputType({ description: 'Changes to a hospital; omitted fields stay as they are' })
export class UpdateHospitalInput extends UpdateInputOf(CreateHospitalInput) {}

@ArgsType()
export class HospitalListArgs extends ListArgs {
  @Field(() => HospitalGrade, { nullable: true })
  grade?: HospitalGrade | null;

  @Field(() => HospitalKind, { nullable: true })
  kind?: HospitalKind | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

/** A hospital's own rules, for create and (on the merged record) update. */
export function checkHospital(input: CreateHospitalInput): Partial<Hospital> {
  return {
    name: requireText(input.name, 'input.name'),
    grade: input.grade,
    kind: input.kind,
    isPublic: input.isPublic,
    secretaryPresidentSeparated: input.secretaryPresidentSeparated,
    partyOrganization: input.partyOrganization,
    partyBrand: optionalText(input.partyBrand, 'input.partyBrand', 100),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
