import { Column, Entity } from 'typeorm';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PartyOrganizationType, RegionalRecord, Directory } from '@pb/kit';

/** 医院等级. Only SECONDARY and TERTIARY count as 二级及以上. */
export enum HospitalGrade {
  UNRATED = 'UNRATED',
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  TERTIARY = 'TERTIARY',
}
registerEnumType(HospitalGrade, {
  name: 'HospitalGrade',
  description: 'Hospital grade (医院等级): 未定级 UNRATED, 一级 PRIMARY, 二级 SECONDARY, 三级 TERTIARY',
});

export enum HospitalKind {
  GENERAL = 'GENERAL',
  TCM = 'TCM',
  MATERNAL_CHILD = 'MATERNAL_CHILD',
  TOWNSHIP_HEALTH_CENTER = 'TOWNSHIP_HEALTH_CENTER',
  COMMUNITY_HEALTH_CENTER = 'COMMUNITY_HEALTH_CENTER',
  SPECIALIST = 'SPECIALIST',
}
registerEnumType(HospitalKind, {
  name: 'HospitalKind',
  description:
    'Kind of institution: 综合医院 GENERAL, 中医医院 TCM, 妇幼保健院 MATERNAL_CHILD, 乡镇卫生院 TOWNSHIP_HEALTH_CENTER, 社区卫生服务中心 COMMUNITY_HEALTH_CENTER, 专科医院 SPECIALIST',
});

@Directive('@key(fields: "id")')
@Directory()
@ObjectType({ description: 'Hospital or health institution (医院/医疗卫生机构) and its party organisation' })
@Entity({ name: 'hospital' })
export class Hospital extends RegionalRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => HospitalGrade)
  @Column({ type: 'text' })
  grade: HospitalGrade;

  @Field(() => HospitalKind)
  @Column({ type: 'text' })
  kind: HospitalKind;

  @Field({ description: 'Public (公立) hospital' })
  @Column({ name: 'is_public', type: 'boolean' })
  isPublic: boolean;

  @Field({ description: 'Party secretary and president are different people (书记、院长分设)' })
  @Column({ name: 'secretary_president_separated', type: 'boolean' })
  secretaryPresidentSeparated: boolean;

  @Field(() => PartyOrganizationType, { description: 'Form of the hospital party organisation (党委/党总支/党支部)' })
  @Column({ name: 'party_organization', type: 'text' })
  partyOrganization: PartyOrganizationType;

  @Field(() => String, { nullable: true, description: 'Party-building brand (党建品牌), if any' })
  @Column({ name: 'party_brand', type: 'text', nullable: true })
  partyBrand: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Founded on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
