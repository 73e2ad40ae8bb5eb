import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, optionalPastDate, parentRegion, requireCount, requireId, requireText, type RequestContext } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import { BranchSecretaryRole, type HospitalPartyBranch } from './party-branch.entity.js';

@InputType({ description: 'A new department party branch (党支部建在科室)' })
export class CreateHospitalPartyBranchInput {
  @Field(() => ID)
  hospitalId: string;

  @Field({ description: '科室' })
  department: string;

  @Field({ description: '支部书记' })
  secretaryName: string;

  @Field(() => BranchSecretaryRole)
  secretaryRole: BranchSecretaryRole;

  @Field(() => Int, { description: '党员人数' })
  members: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  /** Branches take their hospital's region; never set by the caller. */
  regionCode?: null;
}

@InputType({ description: 'Changes to a department party branch; omitted fields stay as they are' })
export class UpdateHospitalPartyBranchInput {
  @Field(() => ID, { nullable: true })
  hospitalId?: string;

  @Field({ nullable: true })
  department?: string;

  @Field({ nullable: true })
  secretaryName?: string;

  @Field(() => BranchSecretaryRole, { nullable: true })
  secretaryRole?: BranchSecretaryRole;

  @Field(() => Int, { nullable: true })
  members?: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  regionCode?: null;
}

@ArgsType()
export class HospitalPartyBranchListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;

  @Field(() => BranchSecretaryRole, { nullable: true })
  secretaryRole?: BranchSecretaryRole | null;
}

export function checkBranch(input: CreateHospitalPartyBranchInput): Partial<HospitalPartyBranch> {
  return {
    hospitalId: requireId(input.hospitalId ?? '', 'input.hospitalId'),
    department: requireText(input.department, 'input.department', 100),
    secretaryName: requireText(input.secretaryName, 'input.secretaryName', 50),
    secretaryRole: input.secretaryRole,
    members: requireCount(input.members, 'input.members', 100_000),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}

/** A branch lives where its hospital is. */
export const placeBranch = (input: CreateHospitalPartyBranchInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, Hospital, 'Hospital', input.hospitalId, 'input.hospitalId');
