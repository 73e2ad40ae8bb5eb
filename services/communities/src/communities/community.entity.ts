import { Column, Entity } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, PartyOrganizationType, RegionalRecord, Directory } from '@pb/kit';

@Directive('@key(fields: "id")')
@Directory()
@ObjectType({ description: 'Urban community (社区) and its community party organisation (社区党组织)' })
@Entity({ name: 'community' })
export class Community extends RegionalRecord {
  @Field({ description: 'Name (名称), e.g. 涺惠社区' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => PartyOrganizationType, { description: 'Form of the community party organisation (党委/党总支/党支部)' })
  @Column({ name: 'party_organization', type: 'text' })
  partyOrganization: PartyOrganizationType;

  @Field(() => Int, { description: 'Party members registered in the community (党员人数)' })
  @Column({ name: 'party_members', type: 'integer' })
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true, description: 'Founded on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
