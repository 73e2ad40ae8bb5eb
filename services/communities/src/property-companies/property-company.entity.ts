import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Property management company (物业服务企业) serving communities; 红色物业 when it has a party branch' })
@Entity({ name: 'property_company' })
export class PropertyCompany extends RegionalRecord {
  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'Has its own party branch (红色物业)' })
  @Column({ name: 'has_party_branch', type: 'boolean' })
  hasPartyBranch: boolean;

  @Field(() => [ID], { description: 'Communities it serves' })
  @Column({ name: 'community_ids', type: 'uuid', array: true })
  communityIds: string[];
}
