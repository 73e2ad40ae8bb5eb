import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/**
 * Party members developed (发展党员) as reported for a region over a period, when a source gives a
 * total rather than branch-by-branch years (晋中: 全市公立医院近三年发展党员266人).
 */
@ObjectType({ description: 'Party members developed (发展党员) as reported for a region and period, e.g. by all public hospitals of a city; the branch-by-branch records are BranchMemberDevelopment' })
@Entity({ name: 'member_development_report' })
export class MemberDevelopmentReport extends RegionalRecord {
  @Field({ description: 'What the figure covers (统计范围), e.g. 全市公立医院' })
  @Column({ type: 'text' })
  scope: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period reported' })
  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Field(() => DateScalar, { description: 'Last day of the period reported; the report counts in the stats period holding it' })
  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Field(() => Int, { description: 'Party members developed (发展党员) over the period' })
  @Column({ type: 'integer' })
  developed: number;

  @Field(() => ID, { nullable: true, description: 'The hospital reported on, when the report is of one' })
  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;
}
