import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, StatusFlow } from '@pb/kit';

export enum SecretaryProjectStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(SecretaryProjectStatus, {
  name: 'SecretaryProjectStatus',
  description: '实施中 IN_PROGRESS → 完成 COMPLETED or 终止 ABANDONED (both final)',
});

export const SECRETARY_PROJECT_FLOW = new StatusFlow<SecretaryProjectStatus>('secretary project', {
  IN_PROGRESS: [SecretaryProjectStatus.COMPLETED, SecretaryProjectStatus.ABANDONED],
  COMPLETED: [],
  ABANDONED: [],
});

@ObjectType({ description: 'Secretary project (书记项目): a task a school party secretary takes on personally, with a goal and an outcome' })
@Entity({ name: 'secretary_project' })
export class SecretaryProject extends RegionalRecord {
  @Field(() => ID, { description: 'The school (学校) running it; the record sits in its region' })
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @Field({ description: 'Title (项目名称)' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'Goal (项目目标)' })
  @Column({ type: 'text' })
  goal: string;

  @Field(() => DateScalar, { description: 'Started on (启动日期)' })
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ended on (结项日期); required once COMPLETED or ABANDONED' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => SecretaryProjectStatus)
  @Column({ type: 'text' })
  status: SecretaryProjectStatus;

  @Field(() => String, { nullable: true, description: 'Outcome (成效)' })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
