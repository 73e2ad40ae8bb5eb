import { Column, Entity } from 'typeorm';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { PartyOrganizationType, RegionalRecord } from '@pb/kit';

export enum AgencyKind {
  GOVERNMENT = 'GOVERNMENT',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  FINANCIAL = 'FINANCIAL',
  OTHER = 'OTHER',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'Kind of agency: 党政机关 GOVERNMENT (a bureau), 事业单位 PUBLIC_INSTITUTION, 金融机构 FINANCIAL (a bank branch), 其他 OTHER',
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Agency (机关单位/驻区单位): a registering unit no other subgraph owns, e.g. a bureau or a bank branch; sector AGENCY' })
@Entity({ name: 'agency' })
export class Agency extends RegionalRecord {
  @Field({ description: 'Name (单位名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => AgencyKind)
  @Column({ type: 'text' })
  kind: AgencyKind;

  @Field(() => PartyOrganizationType, { description: 'Form of its party organisation (党委/党总支/党支部)' })
  @Column({ name: 'party_organization', type: 'text' })
  partyOrganization: PartyOrganizationType;
}
