import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Party members a branch developed (发展党员) in one year' })
@Entity({ name: 'branch_member_development' })
export class BranchMemberDevelopment extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'branch_id', type: 'uuid' })
  branchId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'New party members developed that year' })
  @Column({ type: 'integer' })
  developed: number;
}
