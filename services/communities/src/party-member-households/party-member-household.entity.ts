import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: "Party member household (党员中心户): a party member's household that keeps in touch with the households around it" })
@Entity({ name: 'party_member_household' })
export class PartyMemberHousehold extends RegionalRecord {
  @Field(() => ID, { nullable: true, description: 'Building party group it belongs to, if any' })
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Field(() => ID)
  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  /** Personal data: exposed masked by the resolver. */
  @Column({ name: 'head_name', type: 'text' })
  headName: string;

  @Column({ name: 'head_phone', type: 'text', nullable: true })
  headPhone: string | null;

  @Field(() => String, { nullable: true, description: 'Building and door (楼栋门牌), e.g. 3号楼2单元' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => Int, { description: 'Households it links to and keeps in touch with (联系户数)' })
  @Column({ name: 'linked_households', type: 'integer' })
  linkedHouseholds: number;

  @Field(() => DateScalar, { nullable: true, description: 'Designated on; unknown means it existed throughout any period' })
  @Column({ name: 'designated_on', type: 'date', nullable: true })
  designatedOn: string | null;
}
