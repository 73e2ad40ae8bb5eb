import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, requireCount, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import type { EnrollmentGuidanceSession } from './guidance-session.entity.js';

@InputType({ description: 'A parent enrolment-guidance session' })
export class CreateEnrollmentGuidanceSessionInput {
  @Field({ description: 'Division code where it was held (行政区划代码), padded or not' })
  regionCode: string;

  @Field()
  title: string;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int)
  attendees: number;

  @Field(() => Int, { defaultValue: 0 })
  volunteers: number;
}

@InputType({ description: 'Changes to a guidance session; omitted fields stay as they are' })
export class UpdateEnrollmentGuidanceSessionInput extends UpdateInputOf(CreateEnrollmentGuidanceSessionInput) {}

@ArgsType()
export class EnrollmentGuidanceSessionListArgs extends ListArgs {}

export function checkEnrollmentGuidanceSession(input: CreateEnrollmentGuidanceSessionInput): Partial<EnrollmentGuidanceSession> {
  return {
    title: requireText(input.title, 'input.title'),
    heldOn: requirePastDate(input.heldOn, 'input.heldOn'),
    attendees: requireCount(input.attendees, 'input.attendees', 100_000),
    volunteers: requireCount(input.volunteers, 'input.volunteers', 10_000),
  };
}
