import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum EnrollmentChangeKind {
  ADDED = 'ADDED',
  CONVERTED = 'CONVERTED',
}
registerEnumType(EnrollmentChangeKind, {
  name: 'EnrollmentChangeKind',
  description: 'How the places came: 新增 ADDED (new building, more classes), 改建 CONVERTED (premises converted, e.g. into a public kindergarten)',
});

@ObjectType({ description: 'School places added (学位增加) at a school: new, or from premises converted (改建)' })
@Entity({ name: 'enrollment_change' })
export class EnrollmentChange extends RegionalRecord {
  @Field(() => ID, { description: 'The school (学校) whose places grew; the record sits in its region' })
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @Field(() => EnrollmentChangeKind)
  @Column({ type: 'text' })
  kind: EnrollmentChangeKind;

  @Field(() => Int, { description: 'Places (学位) added' })
  @Column({ type: 'int' })
  places: number;

  @Field(() => DateScalar, { description: 'When the places opened (e.g. the start of the autumn term); the event date of the places-added metric' })
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'What was done, e.g. 县青少年活动中心改建为公办幼儿园' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
