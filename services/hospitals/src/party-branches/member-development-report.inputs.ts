import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalRef, requireCount, requirePastDate, requireText, type RequestContext, UpdateInputOf } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import type { MemberDevelopmentReport } from './member-development-report.entity.js';

@InputType({ description: 'Party members developed (发展党员) as reported for a region and period' })
export class CreateMemberDevelopmentReportInput {
  @Field({ description: 'Division code the report covers, padded or not' })
  regionCode: string;

  @Field()
  scope: string;

  @Field(() => DateScalar, { nullable: true })
  periodStart?: string | null;

  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => Int)
  developed: number;

  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;
}

@InputType({ description: 'Changes to a member-development report; omitted fields stay as they are' })
export class UpdateMemberDevelopmentReportInput extends UpdateInputOf(CreateMemberDevelopmentReportInput) {}

@ArgsType()
export class MemberDevelopmentReportListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;
}

export async function checkMemberDevelopmentReport(input: CreateMemberDevelopmentReportInput, ctx: RequestContext): Promise<Partial<MemberDevelopmentReport>> {
  const periodEnd = requirePastDate(input.periodEnd, 'input.periodEnd');
  const periodStart = optionalPastDate(input.periodStart, 'input.periodStart');
  if (periodStart && periodStart > periodEnd) throw badInput('input.periodStart', 'must not be after periodEnd');
  return {
    scope: requireText(input.scope, 'input.scope', 200),
    periodStart,
    periodEnd,
    developed: requireCount(input.developed, 'input.developed', 1_000_000),
    hospitalId: await optionalRef(ctx, Hospital, 'Hospital', input.hospitalId, 'input.hospitalId'),
  };
}
