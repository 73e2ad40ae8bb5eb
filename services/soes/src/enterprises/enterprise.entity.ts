import { Column, Entity } from 'typeorm';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PartyOrganizationType, RegionalRecord, Directory } from '@pb/kit';

export enum EnterpriseLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
}
registerEnumType(EnterpriseLevel, {
  name: 'EnterpriseLevel',
  description: 'Who owns the enterprise: 央企 CENTRAL, 省属 PROVINCIAL, 市属 MUNICIPAL, 县属 COUNTY (a branch takes its parent group\'s level)',
});

@Directive('@key(fields: "id")')
@Directory()
@ObjectType({ description: 'State-owned enterprise (国有企业) or its local branch, and its party organisation' })
@Entity({ name: 'enterprise' })
export class Enterprise extends RegionalRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => EnterpriseLevel)
  @Column({ type: 'text' })
  level: EnterpriseLevel;

  @Field({ description: 'Industry (行业), e.g. 烟草, 电力, 金融' })
  @Column({ type: 'text' })
  industry: string;

  @Field(() => PartyOrganizationType, { description: 'Form of the enterprise party organisation (党委/党总支/党支部)' })
  @Column({ name: 'party_organization', type: 'text' })
  partyOrganization: PartyOrganizationType;

  @Field(() => DateScalar, { nullable: true, description: 'Founded on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
