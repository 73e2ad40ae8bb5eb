import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, StatusFlow } from '@pb/kit';

export enum DesignationLevel {
  COUNTY = 'COUNTY',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
registerEnumType(DesignationLevel, { name: 'DesignationLevel', description: 'Who names the demonstration school: 县级 COUNTY, 市级 CITY, 省级 PROVINCE' });

export enum DesignationStatus {
  CULTIVATING = 'CULTIVATING',
  DESIGNATED = 'DESIGNATED',
  REVOKED = 'REVOKED',
}
registerEnumType(DesignationStatus, {
  name: 'DesignationStatus',
  description: '培育 CULTIVATING (being cultivated, 培育创建) → 命名 DESIGNATED → 撤销 REVOKED (final)',
});

/** The only moves a designation may make; a new one starts CULTIVATING or DESIGNATED. */
export const DESIGNATION_FLOW = new StatusFlow<DesignationStatus>('demonstration designation', {
  CULTIVATING: [DesignationStatus.DESIGNATED],
  DESIGNATED: [DesignationStatus.REVOKED],
  REVOKED: [],
});

@ObjectType({ description: 'Party-building demonstration school designation (党建工作示范校): a school cultivated (培育创建) and then named at a level, in a batch' })
@Entity({ name: 'demonstration_designation' })
export class DemonstrationDesignation extends RegionalRecord {
  @Field(() => ID, { description: 'The school (学校) designated; the record sits in its region' })
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @Field(() => DesignationLevel)
  @Column({ type: 'text' })
  level: DesignationLevel;

  @Field(() => String, { nullable: true, description: 'Batch (批次), e.g. 首批' })
  @Column({ type: 'text', nullable: true })
  batch: string | null;

  @Field(() => Int, { description: 'Year of the batch (年度): the year cultivation began, or the school was named' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => DesignationStatus)
  @Column({ type: 'text' })
  status: DesignationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the designation was revoked (撤销); set exactly when status is REVOKED' })
  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn: string | null;
}
