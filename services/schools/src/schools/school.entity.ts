import { Column, Entity } from 'typeorm';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PartyOrganizationType, RegionalRecord, Directory } from '@pb/kit';

export enum SchoolStage {
  KINDERGARTEN = 'KINDERGARTEN',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  NINE_YEAR = 'NINE_YEAR',
  VOCATIONAL = 'VOCATIONAL',
}
registerEnumType(SchoolStage, {
  name: 'SchoolStage',
  description: '学段: 幼儿园 KINDERGARTEN, 小学 PRIMARY, 初中 JUNIOR_SECONDARY, 高中 SENIOR_SECONDARY, 九年一贯制 NINE_YEAR, 职业学校 VOCATIONAL',
});

@Directive('@key(fields: "id")')
@Directory()
@ObjectType({ description: 'School (学校) and its party organisation' })
@Entity({ name: 'school' })
export class School extends RegionalRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => SchoolStage)
  @Column({ type: 'text' })
  stage: SchoolStage;

  @Field({ description: 'Public school (公办)' })
  @Column({ name: 'is_public', type: 'boolean' })
  isPublic: boolean;

  @Field({ description: 'The party secretary is also the principal (书记、校长"一肩挑")' })
  @Column({ name: 'secretary_principal_combined', type: 'boolean' })
  secretaryPrincipalCombined: boolean;

  @Field(() => PartyOrganizationType, { description: 'Form of the school party organisation (党委/党总支/党支部)' })
  @Column({ name: 'party_organization', type: 'text' })
  partyOrganization: PartyOrganizationType;

  @Field(() => DateScalar, { nullable: true, description: 'Founded on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
