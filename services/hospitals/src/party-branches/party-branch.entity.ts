import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, Personal } from '@pb/kit';

/** Who the branch secretary is in the department; the first two make a 双带头人 branch. */
export enum BranchSecretaryRole {
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  BUSINESS_BACKBONE = 'BUSINESS_BACKBONE',
  OTHER = 'OTHER',
}
registerEnumType(BranchSecretaryRole, {
  name: 'BranchSecretaryRole',
  description: 'The branch secretary is the 科室主任 DEPARTMENT_HEAD, a 业务骨干 BUSINESS_BACKBONE (both 双带头人), or OTHER',
});

export const DUAL_LEADER_ROLES: readonly BranchSecretaryRole[] = [BranchSecretaryRole.DEPARTMENT_HEAD, BranchSecretaryRole.BUSINESS_BACKBONE];

@ObjectType({ description: 'Party branch built in a hospital department (党支部建在科室)' })
@Entity({ name: 'hospital_party_branch' })
export class HospitalPartyBranch extends RegionalRecord {
  @Field(() => ID, { description: 'The hospital it belongs to; the branch is in its region' })
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field({ description: 'Department (科室) the branch is built in' })
  @Column({ type: 'text' })
  department: string;

  @Personal('name')
  @Field({ description: 'Branch secretary (支部书记); masked unless ADMIN or an editor of the record' })
  @Column({ name: 'secretary_name', type: 'text' })
  secretaryName: string;

  @Field(() => BranchSecretaryRole)
  @Column({ name: 'secretary_role', type: 'text' })
  secretaryRole: BranchSecretaryRole;

  @Field(() => Int, { description: 'Party members (党员)' })
  @Column({ type: 'integer' })
  members: number;

  @Field(() => DateScalar, { nullable: true, description: 'Set up on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
