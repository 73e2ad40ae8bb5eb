import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, notFound, optionalText, requireCount, requireId, requirePastDate, type RequestContext, UpdateInputOf } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import type { FreeClinic } from './free-clinic.entity.js';

@InputType({ description: 'A free clinic (义诊) that took place' })
export class CreateFreeClinicInput {
  @Field(() => ID)
  hospitalId: string;

  @Field(() => [ID], { nullable: true })
  partnerHospitalIds?: string[] | null;

  @Field(() => DateScalar)
  heldOn: string;

  @Field({ description: 'Division code where it was held, down to a village (行政区划代码)' })
  regionCode: string;

  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  teamSize?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  partyMemberDoctors?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  patients?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  homeVisits?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  followUpPatients?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omit when the ledger does not report it: stored as null, never as 0' })
  referrals?: number | null;
}

@InputType({ description: 'Changes to a free clinic; omitted fields stay as they are' })
export class UpdateFreeClinicInput extends UpdateInputOf(CreateFreeClinicInput) {}

@ArgsType()
export class FreeClinicListArgs extends ListArgs {
  @Field(() => ID, { nullable: true, description: 'Organized by, or partnered by, this hospital' })
  hospitalId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or after' })
  heldFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before' })
  heldTo?: string | null;
}

/** A part of the team or of the patients can never exceed the whole (when both are reported). */
function atMost(value: number | null, whole: number | null, field: string, wholeName: string): number | null {
  if (value !== null && whole !== null && value > whole) throw badInput(field, `must not exceed ${wholeName} (${whole})`);
  return value;
}

/** A count the ledger may not know: null (not reported) stays null. */
const optionalCount = (value: number | null | undefined, field: string, max?: number): number | null =>
  value === null || value === undefined ? null : requireCount(value, field, max);

export async function requireHospital(ctx: RequestContext, id: string | null | undefined, field: string): Promise<string> {
  const hospitalId = requireId(id ?? '', field);
  if (!(await byIdLoader(ctx, Hospital).load(hospitalId))) throw notFound('Hospital', hospitalId, field);
  return hospitalId;
}

async function partnerIds(ctx: RequestContext, ids: string[] | null | undefined, organizer: string): Promise<string[]> {
  const unique = [...new Set((ids ?? []).map((id) => requireId(id, 'input.partnerHospitalIds')))];
  if (unique.includes(organizer)) throw badInput('input.partnerHospitalIds', 'must not include the organizing hospital');
  await Promise.all(unique.map((id) => requireHospital(ctx, id, 'input.partnerHospitalIds')));
  return unique;
}

export async function checkFreeClinic(input: CreateFreeClinicInput, ctx: RequestContext): Promise<Partial<FreeClinic>> {
  const teamSize = optionalCount(input.teamSize, 'input.teamSize', 10_000);
  const patients = optionalCount(input.patients, 'input.patients');
  const hospitalId = await requireHospital(ctx, input.hospitalId, 'input.hospitalId');
  return {
    hospitalId,
    partnerHospitalIds: await partnerIds(ctx, input.partnerHospitalIds, hospitalId),
    heldOn: requirePastDate(input.heldOn, 'input.heldOn'),
    theme: optionalText(input.theme, 'input.theme', 200),
    venue: optionalText(input.venue, 'input.venue', 200),
    communityId: input.communityId ? requireId(input.communityId, 'input.communityId') : null,
    teamSize,
    partyMemberDoctors: atMost(optionalCount(input.partyMemberDoctors, 'input.partyMemberDoctors'), teamSize, 'input.partyMemberDoctors', 'teamSize'),
    patients,
    homeVisits: optionalCount(input.homeVisits, 'input.homeVisits'),
    followUpPatients: atMost(optionalCount(input.followUpPatients, 'input.followUpPatients'), patients, 'input.followUpPatients', 'patients'),
    referrals: atMost(optionalCount(input.referrals, 'input.referrals'), patients, 'input.referrals', 'patients'),
  };
}
