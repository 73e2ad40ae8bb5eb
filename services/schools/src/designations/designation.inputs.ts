import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, optionalPastDate, optionalText, parentRegion, type RequestContext, UpdateInputOf } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { requireYear } from '../common/year.js';
import { DemonstrationDesignation, DESIGNATION_FLOW, DesignationLevel, DesignationStatus } from './designation.entity.js';

@InputType({ description: 'A school entering the demonstration-school programme (党建工作示范校)' })
export class CreateDemonstrationDesignationInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => DesignationLevel)
  level: DesignationLevel;

  @Field(() => String, { nullable: true })
  batch?: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => DesignationStatus, { defaultValue: DesignationStatus.CULTIVATING, description: 'CULTIVATING (default) or DESIGNATED' })
  status: DesignationStatus;

  @Field(() => DateScalar, { nullable: true })
  revokedOn?: string | null;

  /** Present when an update's merged record is checked. */
  id?: string;
  regionCode?: string;
}

@InputType({ description: 'Changes to a designation; status moves CULTIVATING → DESIGNATED → REVOKED only' })
export class UpdateDemonstrationDesignationInput extends UpdateInputOf(CreateDemonstrationDesignationInput, { omit: ['schoolId'] }) {}

@ArgsType()
export class DesignationListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => DesignationLevel, { nullable: true })
  level?: DesignationLevel | null;

  @Field(() => DesignationStatus, { nullable: true })
  status?: DesignationStatus | null;
}

/** The status move: from the stored status on update; a new designation cannot start revoked. */
async function checkStatus(input: CreateDemonstrationDesignationInput, ctx: RequestContext): Promise<void> {
  const stored = input.id ? await byIdLoader(ctx, DemonstrationDesignation).load(input.id) : null;
  if (stored) DESIGNATION_FLOW.assert(stored.status, input.status, 'input.status');
  else if (input.status === DesignationStatus.REVOKED) throw badInput('input.status', 'a new designation starts CULTIVATING or DESIGNATED');
}

export async function checkDesignation(input: CreateDemonstrationDesignationInput, ctx: RequestContext): Promise<Partial<DemonstrationDesignation>> {
  await checkStatus(input, ctx);
  const revokedOn = optionalPastDate(input.revokedOn, 'input.revokedOn');
  const revoked = input.status === DesignationStatus.REVOKED;
  if (revoked && !revokedOn) throw badInput('input.revokedOn', 'is required when the status is REVOKED');
  if (!revoked && revokedOn) throw badInput('input.revokedOn', 'is only set when the status is REVOKED');
  const year = requireYear(input.year, 'input.year');
  if (revokedOn && Number(revokedOn.slice(0, 4)) < year) throw badInput('input.revokedOn', `must not be before the year ${year}`);
  return {
    schoolId: input.schoolId,
    level: input.level,
    batch: optionalText(input.batch, 'input.batch', 50),
    year,
    status: input.status,
    revokedOn,
  };
}

/** A designation sits in its school's region. */
export const placeDesignation = (input: CreateDemonstrationDesignationInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, School, 'School', input.schoolId, 'input.schoolId');
