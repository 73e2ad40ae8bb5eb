import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, parentRegion, type RequestContext, requireCount, requirePastDate, UpdateInputOf } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { type EnrollmentChange, EnrollmentChangeKind } from './enrollment-change.entity.js';

@InputType({ description: 'School places added at a school (学位)' })
export class CreateEnrollmentChangeInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => EnrollmentChangeKind)
  kind: EnrollmentChangeKind;

  @Field(() => Int)
  places: number;

  @Field(() => DateScalar)
  effectiveOn: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  regionCode?: string;
}

@InputType({ description: 'Changes to a places record; omitted fields stay as they are' })
export class UpdateEnrollmentChangeInput extends UpdateInputOf(CreateEnrollmentChangeInput, { omit: ['schoolId'] }) {}

@ArgsType()
export class EnrollmentChangeListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => EnrollmentChangeKind, { nullable: true })
  kind?: EnrollmentChangeKind | null;
}

export function checkEnrollmentChange(input: CreateEnrollmentChangeInput): Partial<EnrollmentChange> {
  const places = requireCount(input.places, 'input.places', 100_000);
  if (places === 0) throw badInput('input.places', 'must be at least 1');
  return {
    schoolId: input.schoolId,
    kind: input.kind,
    places,
    effectiveOn: requirePastDate(input.effectiveOn, 'input.effectiveOn'),
    note: optionalText(input.note, 'input.note', 500),
  };
}

export const placeEnrollmentChange = (input: CreateEnrollmentChangeInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, School, 'School', input.schoolId, 'input.schoolId');
